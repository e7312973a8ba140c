export default defineBackground(() => {
  // Wiring lands with the in-page issue.
});

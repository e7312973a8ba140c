// opencc-js ships its dictionaries as ES modules exporting one string each ("./*" in its exports).
declare module 'opencc-js/dict/*' {
  const dict: string;
  export default dict;
}

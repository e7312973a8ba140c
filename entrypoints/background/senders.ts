/** Which tab a message speaks for. */
type Sender = { tab?: { id?: number } };

/** The popup names its tab; the panel sends -1 for its own. */
export const tabOf = (tabId: number, sender: Sender) => (tabId >= 0 ? tabId : sender.tab?.id);

/** A content-script message without a tab (never expected) gets the refusal, not a guess. */
export const inTab = <T>(sender: Sender, refused: T, run: (tabId: number) => T | Promise<T>) =>
  sender.tab?.id === undefined ? refused : run(sender.tab.id);

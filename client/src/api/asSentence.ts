/** A server's message ("joining is closed") as a sentence to show ("Joining is closed."). */
export const asSentence = (message: string): string =>
  message.charAt(0).toUpperCase() + message.slice(1) + '.';

// What a barcode scanner types into the focused field. Scanners in keyboard mode end a
// scan with Enter and send GS1's FNC1 separator as the ASCII group separator (GS, 0x1D);
// some are set up to send a visible stand-in instead. The server parses the content
// (lots capability, GS1 parser); here the text is only normalised so that it reaches the
// server as the scanner meant it.

export const GS = '\u001d';

// Trims the trailing line end and surrounding spaces, and turns the visible stand-ins for
// the GS separator ("<GS>", "{GS}", "^]" and the caret notation "\x1d" typed literally)
// into the GS character itself.
export function normaliseScan(raw: string): string {
  let t = raw.replace(/[\r\n]+$/g, '').trim();
  t = t.replace(/<GS>|\{GS\}|\^\]|\\x1[dD]/g, GS);
  return t;
}

// True when the text looks like GS1 element strings (a symbology identifier such as ]C1,
// ]d2 or ]Q3, the bracketed form "(01)...", or a GS separator) rather than a plain lot id.
export function looksLikeGs1(text: string): boolean {
  return /^\](C1|e0|d2|Q3)/.test(text) || /^\(\d{2,4}\)/.test(text) || text.includes(GS);
}

// For display: the GS separators shown as a visible mark.
export function showScan(text: string): string {
  return text.split(GS).join('\u241d');
}

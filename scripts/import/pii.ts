// Mobile numbers (1[3-9]x, 11 digits, optionally grouped 3-4-4) and 18-digit ID-card
// numbers with a real birth date. Office numbers with an area code (0563-1234567) are
// not personal and stay.
const MOBILE = /(?<![0-9])(1[3-9][0-9])[- ]?([0-9]{4})[- ]?([0-9]{4})(?![0-9])/g;
const ID_CARD = /(?<![0-9A-Za-z])([1-9][0-9]{5})((?:19|20)[0-9]{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12][0-9]|3[01]))([0-9]{3}[0-9Xx])(?![0-9A-Za-z])/g;

/** What masking found in one text. */
export interface PiiResult {
  text: string;
  mobiles: number;
  idCards: number;
}

/**
 * Masks personal mobile numbers (138****5678) and ID-card numbers
 * (320***********123X). The originals are not kept anywhere in the record.
 */
export function maskPii(text: string): PiiResult {
  let mobiles = 0;
  let idCards = 0;
  // ID numbers first: an ID number contains digit runs that look like mobiles.
  let out = text.replace(ID_CARD, (whole: string) => {
    idCards++;
    return `${whole.slice(0, 3)}${'*'.repeat(11)}${whole.slice(-4)}`;
  });
  out = out.replace(MOBILE, (whole: string, head: string, _mid: string, tail: string) => {
    mobiles++;
    const sep = whole.length > 11 ? whole.charAt(3) : '';
    return `${head}${sep}****${sep}${tail}`;
  });
  return { text: out, mobiles, idCards };
}

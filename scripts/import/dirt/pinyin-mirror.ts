// Mirror sites append the pinyin after some characters: 關(guān)于, 答復(fù). Only a
// parenthesised syllable with a tone mark right after a Han character is taken as
// inserted pinyin, so that (一) and (A类) are never touched.
const PINYIN = /(?<=[\u3400-\u9fff])[(（]([a-zA-Züāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜńňǹḿ]{1,6})[)）]/g;
const TONE = /[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜńňǹḿ]/;

/** Removes inserted pinyin; returns the text, how many insertions were removed and the first one. */
export function removePinyin(text: string): { text: string; count: number; example: string | null } {
  let count = 0;
  let example: string | null = null;
  const out = text.replace(PINYIN, (whole, syllable: string, offset: number) => {
    if (!TONE.test(syllable)) return whole;
    count++;
    example ??= `${text.charAt(offset - 1)}${whole}`;
    return '';
  });
  return { text: out, count, example };
}

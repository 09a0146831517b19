// Gambling and casino names that hijackers inject into copies of government pages,
// usually in place of the place name or of 关于: 365体育手机投注, bet365, 澳门葡京 …
// A brand is Latin letters or digits glued to a gambling word; the bare words are listed
// only where they never occur in government prose.
const SUFFIX = '(?:投注|下注|APP|app|App|官网|平台|网站|登录|入口|下载|注册|网址)';
const TOKEN =
  `(?:\\d{2,}[A-Za-z]*(?:体育|娱乐|彩票|棋牌|电竞|真人)(?:手机|网页|官方|在线|网上)?${SUFFIX}?` +
  `|[A-Za-z][A-Za-z0-9]+(?:体育|娱乐|彩票|棋牌|真人)(?:手机|网页|官方|在线|网上)?${SUFFIX}` +
  '|(?:体育|足球|篮球|网上|手机)投注|博彩|赌场|百家乐|娱乐城|老虎机|时时彩|六合彩|澳门(?:新)?葡京' +
  '|威尼斯人(?:娱乐|官网|赌场)|太阳城(?:集团|娱乐)|皇冠(?:体育|娱乐|足球)|[Bb]et\\d+' +
  `|(?:亚博|开云|乐鱼|必威|万博|华体会|米乐|爱游戏)(?:体育|娱乐|${SUFFIX}))`;
const SPAM_RUN = new RegExp(`${TOKEN}(?:[,，、\\s]*${TOKEN})*`, 'g');

/** One injected spam string found in a text. */
export interface SpamHit {
  /** The spam string as published. */
  text: string;
  /** Offset in the searched text. */
  index: number;
}

/** Finds injected gambling/casino strings; adjacent names joined by , 、 or spaces form one hit. */
export function findSpam(text: string): SpamHit[] {
  const hits: SpamHit[] = [];
  SPAM_RUN.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = SPAM_RUN.exec(text)) !== null) hits.push({ text: m[0], index: m.index });
  return hits;
}

/** The text with every spam hit cut out, for fields where a repair is safe (titles, unit names). */
export function stripSpam(text: string): string {
  return text.replace(SPAM_RUN, '').replace(/^[\s,，、]+/, '').trim();
}

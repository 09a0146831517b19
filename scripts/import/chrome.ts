import { findDate } from './dates.ts';
import { findSpam } from './dirt/spam.ts';
import { isLostOnly } from './dirt/lost-characters.ts';
import type { Line, Report } from './types.ts';

/** What the chrome pass learned from the page's own furniture. */
export interface ChromeInfo {
  /** The portal's name from the header (or the footer's 主办单位). */
  site: string | null;
  /** 发布时间 / 更新时间 from the page-info line. */
  infoDate: { text: string; date: string | null; label: string; line: number } | null;
  /** 来源 / 信息来源 / 文章来源 from the page-info line. */
  sourceLine: string | null;
  /** Line numbers taken out as chrome. */
  lines: Set<number>;
}

const BREADCRUMB = /^(?:您现在|您当前|当前|您的)?(?:所在)?(?:的)?位置\s*[:：]|^(?:网站)?首[页頁]\s*[>》»/]/;
// A navigation bar captured as one line: short items separated by | (not a pipe-table row).
const NAV_BAR = /^(?!\|)(?:[^|｜]{1,12}\s*[|｜]\s*){2,}[^|｜]{0,12}$/;
const TOOLS = /字[体号]\s*[:：]?\s*[\[【(（]|【\s*(?:打印|关闭|大|中|小)|打印本页|关闭窗口|返回顶部|分享到|扫一扫/;
const INFO_LABEL = /(?:发布时间|更新时间|发布日期|浏览次数|点击数|点击量|阅读次数|访问次数|信息来源|文章来源|来源|作者|字体|字号)\s*[:：]/g;
const SHORT_TOOL =
  /^(?:今天是[:：]?.*|站内搜索[:：]?|全文检索|请输入关键[字词]|确定|搜索|高级搜索|登录|注册|相关信息|相关链接|相关文章|文件下载|附件下载|上一篇[:：]?.*|下一篇[:：]?.*|打印|关闭|【打印】|【关闭】|无障碍(?:浏览)?|长辈版|网站首页|首页|设为首页|加入收藏|English)\|?$/;
const FOOTER = /ICP备|ICP证|备案编号|公网安备|网站标识码|技术支持\s*[:：]|版权所有|Copyright|©|最佳分辨率|建议使用.{0,20}浏览器|E-?MAIL\s*[:：]|邮\s*编\s*[:：]|网站地图|联系我们/i;
const FOOTER_ALSO = /^(?:主办单位|承办单位|主办|承办|地址)\s*[:：]/;
const BULLET = /^[•·●◆■▪►]/;
const UNIT_END = /(?:局|委|办|中心|政府|委员会|政协|人大|网|门户|厅|院|室|公司|集团)$/;

/** A line that is chrome wherever it stands; returns what it is, or null. */
function chromeKind(key: string): string | null {
  if (BREADCRUMB.test(key)) return 'breadcrumb';
  if ((key.match(INFO_LABEL)?.length ?? 0) >= 2 || /^(?:浏览次数|点击数|阅读次数)\s*[:：]/.test(key)) return 'page info';
  if (TOOLS.test(key)) return 'page tools';
  if (NAV_BAR.test(key)) return 'navigation';
  if (SHORT_TOOL.test(key)) return 'site tools';
  if (FOOTER.test(key) && key.length < 200) return 'footer';
  return null;
}

function readInfoLine(line: Line, info: ChromeInfo): void {
  const key = line.key;
  const dated = /(发布时间|更新时间|发布日期)\s*[:：]\s*([^\s]+(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?)/.exec(key);
  if (dated && !info.infoDate) {
    const d = findDate(dated[2] ?? '');
    if (d) info.infoDate = { text: d.text, date: d.date, label: dated[1] ?? '', line: line.no };
  }
  const source = /(?:信息来源|文章来源|来源)\s*[:：]\s*([^\s:：]+?)(?=\s|$|(?:浏览次数|点击数|发布时间|作者|字体|字号)\s*[:：])/.exec(key);
  if (source && !info.sourceLine) info.sourceLine = source[1] ?? null;
}

/**
 * Finds the site chrome of a page — header and navigation before the first real
 * content, breadcrumbs, page-info and page-tool lines, and the footer block — and
 * reports each removed line. `isAnchor` says where the content starts (a metadata line,
 * a title, a salutation, a form label or a long line).
 */
export function findChrome(lines: readonly Line[], isAnchor: (line: Line) => boolean, report: Report): ChromeInfo {
  const info: ChromeInfo = { site: null, infoDate: null, sourceLine: null, lines: new Set() };
  const drop = (line: Line, what: string) => {
    info.lines.add(line.no);
    if (line.text) report.dropped.push({ line: line.no, text: line.raw, reason: 'chrome', what });
  };
  // Header: everything short before the first anchor. A page without any anchor has
  // no recognisable header, and nothing is removed from its top.
  const anchor = lines.findIndex((l) => l.text !== '' && !chromeKind(l.key) && (isAnchor(l) || l.key.length > 40));
  const headerEnd = anchor === -1 ? 0 : anchor;
  let start = 0;
  for (; start < lines.length; start++) {
    const line = lines[start] as Line;
    if (!line.text) continue;
    const kind = chromeKind(line.key);
    if (kind) {
      if (kind === 'page info') readInfoLine(line, info);
      drop(line, kind);
      continue;
    }
    if (start >= headerEnd) break;
    const isSite =
      !info.site && !BULLET.test(line.key) && !line.key.includes('|') && line.key.length <= 30 && UNIT_END.test(line.key) && findSpam(line.key).length === 0;
    if (isSite) info.site = line.key;
    drop(line, isLostOnly(line.text) ? 'lost characters' : findSpam(line.key).length ? 'injected spam header' : 'header/navigation');
  }
  // Footer: a block at the end made of footer lines (主办单位 counts only inside it).
  let end = lines.length - 1;
  let sawFooter = false;
  const footer: Line[] = [];
  for (; end >= start; end--) {
    const line = lines[end] as Line;
    if (!line.text || isLostOnly(line.text)) continue;
    const kind = chromeKind(line.key);
    if (kind === 'footer') sawFooter = true;
    if (kind || (sawFooter && FOOTER_ALSO.test(line.key))) {
      footer.push(line);
      continue;
    }
    break;
  }
  for (const line of footer.reverse()) {
    const host = /^主办(?:单位)?\s*[:：]\s*(\S+)/.exec(line.key);
    if (host && !info.site) info.site = host[1] ?? null;
    drop(line, 'footer');
  }
  // In between: page-info and tool lines wherever they stand.
  for (let i = start; i <= end; i++) {
    const line = lines[i] as Line;
    if (!line.text || info.lines.has(line.no)) continue;
    const kind = chromeKind(line.key);
    if (!kind) continue;
    if (kind === 'page info') readInfoLine(line, info);
    drop(line, kind);
  }
  return info;
}

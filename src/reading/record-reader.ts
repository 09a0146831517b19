import { highlightSentence } from './highlight.ts';
import { ReadAloud, type ReadAloudState } from './read-aloud.ts';
import { pageSentences, sentenceAt, type PageSentence } from './record-text.ts';
import { rememberSelection } from './selection-memory.ts';

const messages: Record<ReadAloudState, string> = {
  idle: '已停止朗读。',
  speaking: '正在朗读，朗读的句子以下划线和底色标出。',
  paused: '已暂停。再按“暂停”按钮继续朗读。',
  done: '朗读完毕。',
  failed: '朗读没有成功：浏览器或系统可能没有安装中文语音。',
};

/**
 * Wires the read-aloud buttons of a record page ([data-record-tools]) to the text of
 * the record ([data-readable]): read from the start or from the selection, pause and
 * continue, stop. Hides them when the browser has no speech synthesis.
 */
export function startRecordReader(): void {
  const tools = document.querySelector<HTMLElement>('[data-record-tools]');
  const record = document.querySelector<HTMLElement>('[data-readable]');
  if (!tools || !record) return;
  const status = tools.querySelector<HTMLElement>('[data-read-status]')!;
  const button = (name: string) => tools.querySelector<HTMLButtonElement>(`[data-read="${name}"]`)!;
  if (!('speechSynthesis' in window) || typeof SpeechSynthesisUtterance === 'undefined') {
    tools.querySelector<HTMLElement>('[data-read-group]')!.hidden = true;
    status.textContent = '您的浏览器不支持语音朗读。';
    return;
  }

  let sentences: PageSentence[] = [];
  const selected = rememberSelection(record);
  const reader = new ReadAloud(window.speechSynthesis, {
    onSentence: (i) => highlightSentence(sentences[i]?.range ?? null, sentences[i]?.block ?? null),
    onState: (state) => {
      const active = state === 'speaking' || state === 'paused';
      button('pause').setAttribute('aria-pressed', String(state === 'paused'));
      button('pause').setAttribute('aria-disabled', String(!active));
      button('stop').setAttribute('aria-disabled', String(!active));
      status.textContent = messages[state];
    },
  });
  const read = (from: number) => reader.start(sentences.map((s) => s.text), from);

  button('start').addEventListener('click', () => {
    sentences = pageSentences(record);
    read(0);
  });
  button('selection').addEventListener('click', () => {
    const range = selected();
    sentences = pageSentences(record);
    const from = range ? sentenceAt(sentences, range) : -1;
    if (from < 0) status.textContent = '请先用鼠标或键盘选中正文中的文字，再按此按钮。';
    else read(from);
  });
  button('pause').addEventListener('click', () => (reader.state === 'paused' ? reader.resume() : reader.pause()));
  button('stop').addEventListener('click', () => reader.state !== 'idle' && reader.stop());
  // Speech outlives the page in some browsers: stop it when the reader leaves.
  addEventListener('pagehide', () => window.speechSynthesis.cancel());
}

/**
 * The best voice for Simplified Chinese among `voices`: zh-CN first, then other
 * Simplified Chinese tags, then any Chinese voice except Cantonese; null when the
 * browser has none (the utterance's lang still asks for zh-CN).
 */
export function pickChineseVoice(voices: readonly SpeechSynthesisVoice[]): SpeechSynthesisVoice | null {
  const tag = (v: SpeechSynthesisVoice) => v.lang.replace('_', '-').toLowerCase();
  return (
    voices.find((v) => tag(v) === 'zh-cn') ??
    voices.find((v) => /^zh-(hans|sg)/.test(tag(v)) || tag(v) === 'cmn-cn') ??
    voices.find((v) => tag(v).startsWith('zh') && !tag(v).startsWith('zh-hk') && !tag(v).includes('yue')) ??
    null
  );
}

/**
 * Word classes for question typing: what a question asks for is carried by its wh-word, its auxiliary
 * (did you… / does it… / would it…), whose work it points at and its governing verb, far more than by its
 * exact phrase. Mapping words to these classes lets "how'd you figure out", "how did you get" and "what did
 * you do to find" share features, so the model learns from one author's phrasing what holds for another's.
 */
const CLASS_WORDS: Record<string, string> = {
  // wh-words: what they ask for depends on what follows, so each keeps a class of its own
  WHY: 'why',
  HOW: "how how'd how's",
  WHAT: "what what's whats which",
  WHERE: "where where's",
  WHO: "who who's whose",
  WHEN: 'when',
  // auxiliaries: past (your steps), present (how things are), modal (what would / could be)
  PAST: "did didn't was were",
  PRES: "do does don't doesn't is isn't are aren't am",
  MODAL: "would wouldn't could couldn't will won't can can't should shouldn't must might may",
  // whose thinking: the answerer's own, the class's, another student's
  YOU: "you your you're yours yourself u ur ya",
  WE: "we us our we're let's",
  OTHER: "he she they his her their he's she's they're them him",
  // governing verbs and what they ask for
  DO: 'get got find found figure figured decide decided start started solve solved do done use used choose chose try tried set draw drew count counted come came work worked put split break',
  TELL: 'explain describe tell show walk say talk share elaborate clarify rephrase record repeat',
  THINK: 'think thinking thought mean meant',
  ARGUE:
    'prove proof justify justification convince convincing argue argument defend support verify critique evidence counterexample',
  JUDGE:
    'agree agrees disagree disagrees sure true false right wrong correct valid reasonable sense possible better best efficient always never',
  CONNECT:
    'relate relates related relationship connect connects connected connection compare match matches alike similar common same different difference like',
  MEANS: 'represent represents representation stand stands models interpret meaning means',
  NOTICE: 'notice noticed pattern patterns grow grows growing change changes changing increase decrease',
  SEE: 'see look looks',
  GENERAL: 'every any all each whenever sometimes',
  COND: 'if suppose instead still',
  // what the answer is about
  REP: 'graph graphs table tables picture pictures diagram drawing equation equations expression array chart plot strips grid bar tape line lines model',
  SITUATION: 'situation story context problem scenario terms real world',
  VALUE: 'answer value total result many much long far big sum product difference',
  DEFINE: 'formula definition called call name rule unit',
};

const CLASS_OF: ReadonlyMap<string, string> = (() => {
  const map = new Map<string, string>();
  for (const [cls, words] of Object.entries(CLASS_WORDS)) {
    for (const w of words.split(' ')) if (!map.has(w)) map.set(w, cls);
  }
  return map;
})();

/** The class of a lowercased token, `NUM` for numbers, or null for a word outside every class. */
export function wordClass(token: string): string | null {
  if (/^\d/.test(token) || token === '<num>') return 'NUM';
  return CLASS_OF.get(token) ?? null;
}

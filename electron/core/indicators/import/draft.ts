import type { KindMark } from './score';

/** A node while the tree is being worked out; becomes a ParsedIndicator in finish.ts. */
export interface DraftNode {
  /** 0-based row of the table it came from, for warnings and merged-cell spans. */
  row: number;
  title: string;
  numbering: string;
  content: string;
  standard: string;
  methods: string[];
  score: number | null;
  /** Whether the score is the file’s own (cell or title) rather than a sum we work out later. */
  scoreGiven: boolean;
  /** A score printed in the title that could not be read (“（L5分）”), for a warning. */
  doubtfulScore: string;
  /** Veto/bonus as the file says it for this node; children inherit in finish.ts. */
  mark: KindMark;
  requiredMaterials: string;
  responsibleUnit: string;
  responsiblePerson: string;
  /** 完成时限 as 年-月-日, '' when none; `deadlineText` keeps a cell that is no date, for a warning. */
  deadline: string;
  deadlineText: string;
  /** Named by its 内容/要求 text, which is then also its content/standard — unless it turns out to be a category. */
  namedBy: 'content' | 'standard' | null;
  /** The sheet’s own code and parent code, when it has a code column. */
  code: string | null;
  parentCode: string | null;
  children: DraftNode[];
}

export function newDraft(row: number, title: string, numbering = ''): DraftNode {
  return {
    row,
    title,
    numbering,
    content: '',
    standard: '',
    methods: [],
    score: null,
    scoreGiven: false,
    doubtfulScore: '',
    mark: null,
    requiredMaterials: '',
    responsibleUnit: '',
    responsiblePerson: '',
    deadline: '',
    deadlineText: '',
    namedBy: null,
    code: null,
    parentCode: null,
    children: [],
  };
}

// The exchange's workflow as docs/workflow.md draws it: the states in order, and which moves a
// mediator makes with POST .../workflow/advance (the API answers the state, not the moves
// allowed from it). An exchange becomes agreed only by its parties agreeing a named version, and
// any state but the last two can collapse.
import type { WorkflowState } from '../../api/types';

export const statesInOrder: WorkflowState[] = ['negotiating', 'agreed', 'verifying', 'executing', 'completed'];

export function nextByAdvance(state: string): WorkflowState | null {
  if (state === 'agreed') return 'verifying';
  if (state === 'verifying') return 'executing';
  if (state === 'executing') return 'completed';
  return null;
}

export function mayCollapse(state: string): boolean {
  return state !== 'completed' && state !== 'collapsed';
}

/**
 * Pane-wide state: the host, the one long action that may run at a time (its progress and its
 * cancel), the message bar, and what sections share (workbook info, the last problems list).
 *
 * One action at a time because every action reads and writes the same workbook: a second one
 * started halfway through would read what the first is writing. Buttons are disabled while
 * something runs; the progress panel's キャンセル stops it at the next step.
 */
import { createContext, useCallback, useContext, useMemo, useRef, useState, type ReactNode } from 'react';
import { cancelSource, type Progress, type RunOptions } from '../actions/progress';
import type { Problem } from '../core/problems';
import { describeFailure } from '../host/errorMessage';
import type { PaneHost, WorkbookInfo } from '../host/PaneHost';

/** The action running now. */
export interface RunningAction {
  label: string;
  progress: Progress | null;
}

/** What the message bar shows. */
export interface PaneMessage {
  intent: 'error' | 'warning' | 'success' | 'info';
  text: string;
}

export interface PaneContextValue {
  host: PaneHost;
  running: RunningAction | null;
  /**
   * Runs a long action with progress and cancel; failures become a message, never a broken pane.
   * @returns the action's result, or undefined if it failed, was cancelled or another was running
   */
  run<T>(
    label: string,
    work: (options: RunOptions) => Promise<T>,
    options?: { quiet?: boolean },
  ): Promise<T | undefined>;
  cancel(): void;
  message: PaneMessage | null;
  notify(message: PaneMessage | null): void;
  info: WorkbookInfo | null;
  setInfo(info: WorkbookInfo | null): void;
  problems: Problem[] | null;
  setProblems(problems: Problem[] | null): void;
}

const PaneContext = createContext<PaneContextValue | null>(null);

/** The pane state of the nearest PaneProvider. */
export function usePane(): PaneContextValue {
  const value = useContext(PaneContext);
  if (!value) throw new Error('usePane needs a PaneProvider');
  return value;
}

/** Holds the pane state for its children. */
export function PaneProvider({ host, children }: { host: PaneHost; children: ReactNode }) {
  const [running, setRunning] = useState<RunningAction | null>(null);
  const [message, notify] = useState<PaneMessage | null>(null);
  const [info, setInfo] = useState<WorkbookInfo | null>(null);
  const [problems, setProblems] = useState<Problem[] | null>(null);
  const busy = useRef(false);
  const cancelRef = useRef<(() => void) | null>(null);

  const run = useCallback(
    async <T,>(
      label: string,
      work: (options: RunOptions) => Promise<T>,
      options: { quiet?: boolean } = {},
    ): Promise<T | undefined> => {
      if (busy.current) return undefined;
      busy.current = true;
      const source = cancelSource();
      cancelRef.current = source.cancel;
      setRunning({ label, progress: null });
      if (!options.quiet) notify(null);
      try {
        const value = await work({ signal: source.signal, onProgress: (progress) => setRunning({ label, progress }) });
        const warnings = host.takeWarnings();
        if (warnings.length > 0) notify({ intent: 'warning', text: warnings.join('\n') });
        return value;
      } catch (error) {
        host.takeWarnings();
        const failure = describeFailure(error);
        notify({ intent: failure.cancelled ? 'warning' : 'error', text: failure.message });
        return undefined;
      } finally {
        busy.current = false;
        cancelRef.current = null;
        setRunning(null);
      }
    },
    [host],
  );

  const cancel = useCallback(() => cancelRef.current?.(), []);

  const value = useMemo<PaneContextValue>(
    () => ({ host, running, run, cancel, message, notify, info, setInfo, problems, setProblems }),
    [host, running, run, cancel, message, info, problems],
  );
  return <PaneContext.Provider value={value}>{children}</PaneContext.Provider>;
}

/**
 * Keeps a rendering failure from leaving a blank pane: shows the Japanese message and a button
 * that renders the pane again (the workbook is untouched by a rendering failure).
 */
import { Button, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';
import { Component, type ErrorInfo, type ReactNode } from 'react';
import { describeFailure } from '../host/errorMessage';
import { LABELS } from '../host/labels';

interface State {
  error: unknown;
  attempt: number;
}

export class ErrorBoundary extends Component<{ children: ReactNode }, State> {
  override state: State = { error: null, attempt: 0 };

  static getDerivedStateFromError(error: unknown): Partial<State> {
    return { error };
  }

  override componentDidCatch(error: unknown, info: ErrorInfo): void {
    console.error(LABELS.brokenLog, error, info.componentStack);
  }

  override render(): ReactNode {
    if (this.state.error === null) return <div key={this.state.attempt}>{this.props.children}</div>;
    return (
      <MessageBar intent="error" layout="multiline" role="alert">
        <MessageBarBody>
          <MessageBarTitle>{LABELS.brokenTitle}</MessageBarTitle>
          {describeFailure(this.state.error).message}
        </MessageBarBody>
        <MessageBarActions>
          <Button onClick={() => this.setState((state) => ({ error: null, attempt: state.attempt + 1 }))}>
            {LABELS.brokenRetry}
          </Button>
        </MessageBarActions>
      </MessageBar>
    );
  }
}

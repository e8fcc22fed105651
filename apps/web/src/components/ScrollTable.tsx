import type { ReactNode } from 'react';
import { Paragraph, Table } from '@utrecht/component-library-react';

interface ScrollTableProps {
  id: string;
  /** The table's name: shown above it, and the name of the table and of its scroll region. */
  label: string;
  compact?: boolean;
  testId?: string;
  children: ReactNode;
}

/** A table that scrolls inside its own (keyboard-reachable, named) container on narrow screens. */
export function ScrollTable({ id, label, compact = false, testId, children }: ScrollTableProps) {
  return (
    <>
      <Paragraph id={id} className="wl-table-label">
        {label}
      </Paragraph>
      <div className="wl-table-scroll" role="region" aria-labelledby={id} tabIndex={0}>
        <Table data-testid={testId} aria-labelledby={id} className={compact ? 'wl-table wl-table--compact' : 'wl-table'}>
          {children}
        </Table>
      </div>
    </>
  );
}

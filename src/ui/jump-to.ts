import type { MouseEvent } from 'react';

/**
 * An in-page link's click handler: focus the element with `id` and bring it into view. By script, because following
 * `#id` would replace the share link that lives in the hash.
 */
export const jumpTo = (id: string) => (e: MouseEvent<HTMLAnchorElement>) => {
  e.preventDefault();
  const target = document.getElementById(id);
  target?.focus();
  target?.scrollIntoView({ block: 'nearest' });
};

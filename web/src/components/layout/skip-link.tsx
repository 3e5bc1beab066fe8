import type { MouseEvent } from 'react';
import { useTranslation } from 'react-i18next';
import classes from './skip-link.module.css';

/** The id of the page's main region, the skip link's target. */
export const MAIN_ID = 'main';

/**
 * «Перейти к содержимому»: the first Tab stop of every signed-in page, shown only when focused, so a keyboard user
 * does not walk through the header and the sections on every page. Focus is moved by hand: following `#main` would
 * put a hash into the router's URL.
 */
export function SkipLink() {
  const { t } = useTranslation();
  const skip = (event: MouseEvent<HTMLAnchorElement>) => {
    event.preventDefault();
    document.getElementById(MAIN_ID)?.focus();
  };
  return (
    <a href={`#${MAIN_ID}`} className={classes.skipLink} onClick={skip}>
      {t('skipToContent')}
    </a>
  );
}

// The design tokens of tokens.css as numbers, for code that sizes things itself (the
// operator terminal, tests). Keep the two files equal.

/** Spacing scale in px (--space-1 .. --space-6). */
export const SPACE = [4, 8, 12, 16, 24, 32] as const;

/** Type sizes in px. */
export const TEXT = { xs: 12, sm: 13, md: 14, lg: 16, xl: 20 } as const;

/** Body text on operator screens and touch layouts, in px (at least). */
export const OPERATOR_BODY_TEXT_PX = TEXT.lg;

/** The smallest interactive target on touch layouts (pointer: coarse), in px, each way. */
export const TOUCH_TARGET_PX = 44;

/** Media query of touch layouts. */
export const TOUCH_MEDIA = '(pointer: coarse)';

/** Page widths in px: the default, and from a 1600 px wide window on (1920 px screens). */
export const PAGE_MAX_PX = 1200;
export const PAGE_MAX_WIDE_PX = 1640;
export const WIDE_MEDIA = '(min-width: 1600px)';

/** The class that marks an operator screen (body text OPERATOR_BODY_TEXT_PX). */
export const OPERATOR_SCREEN_CLASS = 'operator-screen';

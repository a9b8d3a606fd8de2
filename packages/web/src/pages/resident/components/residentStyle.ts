/**
 * The resident pages' look, in one place: antd-mobile's colours darkened to
 * WCAG AA (text 4.5:1), and 长辈模式 (elder mode) to the MIIT 适老化 rules for
 * mobile pages — main text at least 18 px, line spacing at least 1.3, touch
 * targets at least 60×60 (44×44 in normal mode). Colour never carries a
 * meaning alone: every state also has words.
 */

/** Secondary text: 7:1 on white, 6.5:1 on the page's grey. */
export const MUTED = '#595959';
/** The 110 bar and warnings: white on it is 6.6:1. */
export const ALERT_RED = '#b3261e';

export const RESIDENT_CSS = `
:root:root {
  --adm-color-primary: #1d4f91;
  --adm-color-success: #1a7f37;
  --adm-color-warning: #b45309;
  --adm-color-danger: #c8102e;
  --adm-color-text-secondary: ${MUTED};
  --adm-color-weak: #666666;
  --adm-color-light: #767676;
}
.jm-resident { --adm-font-size-main: 15px; font-size: 15px; line-height: 1.5; }
.jm-resident .jm-muted { color: ${MUTED}; font-size: 14px; }
.jm-resident .jm-small { font-size: .85em; }
.jm-resident .jm-sr { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
.jm-resident .adm-button { display: inline-flex; align-items: center; justify-content: center; min-height: 44px; min-width: 44px; }
.jm-resident .adm-button-block { display: flex; width: 100%; }
.jm-resident .jm-tap { min-height: 44px; min-width: 44px; display: inline-flex; align-items: center; justify-content: center; }
.jm-resident .adm-selector-item { min-height: 44px; display: inline-flex; align-items: center; justify-content: center; }
.jm-resident .adm-checkbox { min-height: 44px; }
.jm-resident .adm-steps { --description-font-size: 13px; }
.jm-resident .adm-text-area { --placeholder-color: #767676; }
/* A form inside a card uses the card's width: on a 320 px phone every pixel is a character. */
.jm-resident .adm-card .adm-form .adm-list { --padding-left: 0; --padding-right: 0; --border-top: none; --border-bottom: none; }
/* A box to write in shows its edge (3:1 against white, WCAG 1.4.11). */
.jm-resident .jm-field { border: 1px solid #767676; border-radius: 6px; padding: 6px 10px; background: #fff; }
.jm-resident .adm-tag { font-size: 13px; line-height: 1.35; }
.jm-resident .jm-receipt { white-space: nowrap; word-break: keep-all; font-variant-numeric: tabular-nums; letter-spacing: 0; }

.jm-elder {
  --adm-font-size-main: 20px; --adm-font-size-1: 18px; --adm-font-size-2: 18px; --adm-font-size-3: 18px;
  --adm-font-size-4: 18px; --adm-font-size-5: 18px; --adm-font-size-6: 18px; --adm-font-size-7: 18px;
  --adm-font-size-8: 19px; --adm-font-size-9: 20px; --adm-font-size-10: 20px;
  font-size: 20px; line-height: 1.5;
}
.jm-elder .jm-muted, .jm-elder .jm-small, .jm-elder .adm-list-item-description, .jm-elder .adm-text-area-count,
.jm-elder .adm-tag, .jm-elder .adm-form-item-help { font-size: 18px; }
.jm-elder .adm-list-item-content-main, .jm-elder .adm-text-area-element, .jm-elder .adm-input-element,
.jm-elder .adm-button, .jm-elder .adm-selector-item, .jm-elder .adm-checkbox-content,
.jm-elder .adm-form-item-label { font-size: 20px; }
.jm-elder .adm-card-header-title { font-size: 22px; }
.jm-elder .adm-steps { --title-font-size: 20px; --description-font-size: 18px; }
.jm-elder .adm-button, .jm-elder .jm-tap, .jm-elder .adm-selector-item, .jm-elder .adm-checkbox { min-height: 60px; }
.jm-elder .adm-button, .jm-elder .jm-tap { min-width: 60px; }
.jm-elder .adm-checkbox { --icon-size: 28px; }
.jm-resident .jm-notice { padding: 10px; }
/* Elder mode on a 320 px phone: narrower margins and tighter notes keep the form near three screens. */
.jm-elder .adm-card { margin: 8px !important; padding: 0 10px; }
.jm-elder .jm-notice { padding: 6px 8px; line-height: 1.4; }
.jm-elder .adm-selector { --gap: 6px; }
.jm-elder .adm-form .adm-list-item-content { padding-top: 8px; padding-bottom: 8px; }
`;

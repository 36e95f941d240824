/**
 * Runs inside the reference page (bundled by esbuild into an IIFE and injected by measure.ts):
 * finds a component on the page or inside the widget's shadow root, focuses it, and reads its
 * computed style. Kept apart from the Node code because it needs the DOM, and because functions
 * passed to page.evaluate from tsx-compiled files carry helpers the page does not have.
 */

import type { Measured, Root, Target } from './probe-types';

const SIDES = ['top', 'right', 'bottom', 'left'] as const;
const CORNERS = ['top-left', 'top-right', 'bottom-right', 'bottom-left'] as const;

function scope(root: Root): ParentNode {
  if (root === 'page') return document;
  const widget = document.querySelector('workshop-signup');
  if (!widget?.shadowRoot) throw new Error('No <workshop-signup> with a shadow root on the page');
  return widget.shadowRoot;
}

function find(target: Target): Element | null {
  return scope(target.root).querySelector(target.selector);
}

const px = (value: number) => `${Math.round(value * 100) / 100}px`;
const number = (value: string) => parseFloat(value) || 0;

/** The border box of an element, or of a pseudo-element from its computed size. */
function borderBox(el: Element, pseudo: string | undefined, style: CSSStyleDeclaration) {
  if (!pseudo) {
    const rect = el.getBoundingClientRect();
    return { width: rect.width, height: rect.height };
  }
  if (style.width === 'auto' || style.height === 'auto') return undefined;
  const extra = (axis: 'x' | 'y') => {
    if (style.boxSizing === 'border-box') return 0;
    const [a, b] = axis === 'x' ? ['left', 'right'] : ['top', 'bottom'];
    return (
      number(style.getPropertyValue(`padding-${a}`)) +
      number(style.getPropertyValue(`padding-${b}`)) +
      number(style.getPropertyValue(`border-${a}-width`)) +
      number(style.getPropertyValue(`border-${b}-width`))
    );
  };
  return { width: number(style.width) + extra('x'), height: number(style.height) + extra('y') };
}

const transparent = (colour: string) =>
  colour === 'transparent' || /^rgba\(.*,\s*0\)$/.test(colour);

/**
 * The background a reader sees behind the element: its own colour, else the first one up the
 * tree (out of the shadow root through its host), else the canvas. A transparent summary on a
 * white page and a white one look the same, and compare the same.
 */
function seenBackground(el: Element, own: CSSStyleDeclaration): string {
  if (!transparent(own.backgroundColor)) return own.backgroundColor;
  let node: Element | null = el;
  while (node) {
    const colour = getComputedStyle(node).backgroundColor;
    if (!transparent(colour)) return colour;
    const root = node.getRootNode();
    node = node.parentElement ?? (root instanceof ShadowRoot ? root.host : null);
  }
  return 'rgb(255, 255, 255)';
}

/**
 * Derived metrics — box-width/-height (border box), four-sided ones (always four values, top
 * right bottom left, so a 1 px tolerance applies side by side), `background` (as seen) and
 * `fills-container` — else a CSS property read from the computed style.
 */
function read(el: Element, pseudo: string | undefined, metric: string): string | null {
  const style = getComputedStyle(el, pseudo ?? null);
  switch (metric) {
    case 'box-width':
    case 'box-height': {
      const box = borderBox(el, pseudo, style);
      if (!box) return null;
      return px(metric === 'box-width' ? box.width : box.height);
    }
    case 'padding':
    case 'margin':
      return SIDES.map((s) => style.getPropertyValue(`${metric}-${s}`)).join(' ');
    case 'border-width':
    case 'border-style':
    case 'border-color':
      return SIDES.map((s) => style.getPropertyValue(metric.replace('-', `-${s}-`))).join(' ');
    case 'border-radius':
      return CORNERS.map((c) => style.getPropertyValue(`border-${c}-radius`).split(' ')[0]).join(
        ' ',
      );
    case 'fills-container': {
      // Full-width buttons on small screens: as wide as the content box of the parent.
      const parent = el.parentElement ?? (el.getRootNode() as ShadowRoot).host;
      const parentStyle = getComputedStyle(parent);
      const content =
        parent.clientWidth - number(parentStyle.paddingLeft) - number(parentStyle.paddingRight);
      return el.getBoundingClientRect().width >= content - 1 ? 'yes' : 'no';
    }
    case 'background':
      return seenBackground(el, style);
    default:
      return style.getPropertyValue(metric);
  }
}

export function measure(target: Target, metrics: readonly string[]): Measured {
  const el = find(target);
  if (!el) return null;
  if (target.pseudo) {
    const content = getComputedStyle(el, target.pseudo).content;
    if (content === 'none' || content === 'normal') return null;
  }
  return Object.fromEntries(metrics.map((m) => [m, read(el, target.pseudo, m)]));
}

/**
 * Focuses the element from script. No pointer has been used on the page, so :focus-visible
 * applies as it would for a keyboard user.
 */
export function focus(target: Target): boolean {
  const el = find(target);
  if (!(el instanceof HTMLElement)) return false;
  el.focus({ preventScroll: true });
  const root: DocumentOrShadowRoot =
    target.root === 'page' ? document : (scope('widget') as ShadowRoot);
  return root.activeElement === el;
}

/** Waits for running transitions (a focus ring fading in) to end, on the page and in the widget. */
export async function settle(): Promise<void> {
  const widget = document.querySelector('workshop-signup')?.shadowRoot;
  const running = [...document.getAnimations(), ...(widget?.getAnimations() ?? [])].filter(
    (a) => a.effect?.getComputedTiming().iterations !== Infinity,
  );
  await Promise.all(running.map((a) => a.finished.catch(() => undefined)));
}

export function blur(): void {
  const widget = document.querySelector('workshop-signup');
  (widget?.shadowRoot?.activeElement as HTMLElement | null)?.blur();
  (document.activeElement as HTMLElement | null)?.blur();
}

/** Whether the widget shows its form (the series has loaded). */
export function widgetReady(): boolean {
  const root = document.querySelector('workshop-signup')?.shadowRoot;
  return Boolean(root?.querySelector('[part~="submit"]'));
}

/** Sends the empty form: the widget then shows its errors. Clicked from script, not the mouse. */
export function submitWidget(): void {
  scope('widget').querySelector<HTMLElement>('[part~="submit"]')!.click();
}

export function widgetShowsErrors(): boolean {
  return Boolean(scope('widget').querySelector('[part~="error-summary"]'));
}

/**
 * For a host page that shows the registration form in an iframe (where the CMS strips
 * <script type="module"> or unknown tags): makes every iframe showing /embed/<series> from the
 * origin this script was loaded from as tall as its content, so it never scrolls inside.
 *
 *   <iframe src="https://WORKER-HOST/embed/SERIES?lang=sk" title="Registrácia na workshopy"
 *     style="width: 100%; height: 1200px; border: 0"></iframe>
 *   <script src="https://WORKER-HOST/embed-host.js" async></script>
 *
 * It only listens: a message counts only if it comes from this script's origin and from the
 * window of one of the page's iframes, and only its height (a bounded number) is used.
 * Without this script the iframe keeps the height the page gave it and scrolls.
 */
(() => {
  const script = document.currentScript;
  if (!script || !script.src) return;
  const origin = new URL(script.src).origin;
  window.addEventListener('message', (event) => {
    if (event.origin !== origin) return;
    const data = event.data;
    if (!data || data.type !== 'workshop-signup:height') return;
    if (typeof data.height !== 'number' || !Number.isFinite(data.height)) return;
    const height = Math.min(Math.max(Math.ceil(data.height), 50), 20000);
    for (const frame of document.querySelectorAll('iframe')) {
      if (frame.contentWindow === event.source) frame.style.height = `${height}px`;
    }
  });
})();

/**
 * Runs inside the iframe page /embed/<series>: tells the page around it how tall the content is,
 * whenever that changes (the list loads, errors appear, the form turns into "check your e-mail"),
 * so that /embed-host.js can size the iframe and nobody scrolls inside it.
 *
 * The message is `{type: 'workshop-signup:height', height}` and carries nothing but that number,
 * so it is posted to any parent origin: which sites may frame this page is the CSP's job
 * (frame-ancestors), and the host checks that the message comes from this origin.
 */
(() => {
  if (window.parent === window) return;
  let reported = 0;
  const report = () => {
    const height = Math.ceil(document.documentElement.getBoundingClientRect().height);
    if (height === reported) return;
    reported = height;
    window.parent.postMessage({ type: 'workshop-signup:height', height }, '*');
  };
  new ResizeObserver(report).observe(document.documentElement);
  report();
})();

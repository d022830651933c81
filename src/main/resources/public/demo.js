// Demo page only: shows the embed snippet with this server's address and copies it.
(function () {
  'use strict';
  const snippet = document.getElementById('snippet');
  const button = document.getElementById('copy-snippet');
  const status = document.getElementById('copy-status');
  const embedded = document.querySelector('script[src$="widget.js"]');
  if (!snippet || !embedded) {
    return;
  }
  const origin = new URL(embedded.src, document.baseURI).origin;
  snippet.textContent = snippet.textContent.replace('src="/widget.js"', 'src="' + origin + '/widget.js"');
  button.addEventListener('click', async () => {
    try {
      await navigator.clipboard.writeText(snippet.textContent);
      status.textContent = 'Copied.';
    } catch (e) {
      status.textContent = 'Select the text above and copy it.';
    }
  });
})();

// The report page's print button (no inline scripts under the service's Content-Security-Policy).
(function () {
  'use strict';
  const button = document.getElementById('print-report');
  if (button) {
    button.addEventListener('click', () => window.print());
  }
})();

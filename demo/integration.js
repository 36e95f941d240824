// Host-page code for integration.html: widgets created from JavaScript, and an event log.
// A classic script, so it runs before the widget's module has defined the element.
(function () {
  'use strict';
  var SERIES = 'akcny-plan-inteligentnych-miest';

  // Not defined yet: the properties set here must survive the upgrade.
  var early = document.createElement('workshop-signup');
  early.series = SERIES;
  early.headingLevel = 3;
  document.getElementById('before-upgrade').appendChild(early);

  // Once defined: only the first two workshops, with the organization type preselected.
  customElements.whenDefined('workshop-signup').then(function () {
    return fetch('/api/v1/series/' + SERIES)
      .then(function (response) {
        return response.json();
      })
      .then(function (data) {
        var late = document.createElement('workshop-signup');
        late.setAttribute('series', SERIES);
        late.setAttribute('heading-level', '3');
        late.setAttribute('organization-type', 'municipality');
        late.setAttribute(
          'workshops',
          data.workshops
            .slice(0, 2)
            .map(function (w) {
              return w.id;
            })
            .join(' '),
        );
        document.getElementById('after-define').appendChild(late);
      });
  });

  var log = document.getElementById('events');
  ['workshop-signup-ready', 'workshop-signup-registered', 'workshop-signup-error'].forEach(
    function (type) {
      document.addEventListener(type, function (event) {
        var item = document.createElement('li');
        item.textContent = type + ' ' + JSON.stringify(event.detail);
        log.appendChild(item);
      });
    },
  );
})();

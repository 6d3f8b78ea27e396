// The presentation view: TimelineJS3 (vendored, no CDN) fed by the story's TimelineJS export.
document.addEventListener("DOMContentLoaded", function () {
  "use strict";
  var embed = document.getElementById("timeline-embed");
  if (!embed || !window.TL) return;
  var options = {
    script_path: new URL(embed.dataset.scriptPath, window.location.href).href,
    font: null, // the default font file pulls from Google Fonts; ours are local
    height: embed.clientHeight || 640,
    hash_bookmark: false,
    initial_zoom: 2,
    timenav_height_percentage: 30,
    language: "en",
  };
  function show(source) {
    window.datelineTimeline = new window.TL.Timeline(embed, source, options);
  }
  // With no events TimelineJS shows a spreadsheet error; say what is wrong instead.
  fetch(embed.dataset.source, { headers: { Accept: "application/json" } })
    .then(function (response) {
      return response.ok ? response.json() : Promise.reject(response.status);
    })
    .then(function (data) {
      if (data.events && data.events.length) return show(data);
      embed.hidden = true;
      document.getElementById("present-empty").hidden = false;
    })
    .catch(function () {
      show(embed.dataset.source); // TimelineJS reports what went wrong
    });
});

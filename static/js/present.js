// The presentation view: TimelineJS3 (vendored, no CDN) fed by the story's TimelineJS export.
document.addEventListener("DOMContentLoaded", function () {
  "use strict";
  var embed = document.getElementById("timeline-embed");
  if (!embed || !window.TL) return;
  window.datelineTimeline = new window.TL.Timeline(embed, embed.dataset.source, {
    script_path: new URL(embed.dataset.scriptPath, window.location.href).href,
    font: null, // the default font file pulls from Google Fonts; ours are local
    height: embed.clientHeight || 640,
    hash_bookmark: false,
    initial_zoom: 2,
    timenav_height_percentage: 30,
    language: "en",
  });
});

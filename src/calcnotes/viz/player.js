// calcnotes animation player: wires every `.cn-anim` figure on the page.
//
// The figure holds the static picture as inline SVG with the first frame in
// its `.cn-anim-layer`; the other frames are SVG fragments in a
// <script type="application/json" class="cn-anim-data">. The player swaps the
// layer's content when the slider moves or while playing. Nothing starts by
// itself; when the reader asks for reduced motion, the play button is hidden
// and only the slider (one frame per key press or drag) remains.
(function () {
  "use strict";

  var players = [];
  var reducedMotion = window.matchMedia
    ? window.matchMedia("(prefers-reduced-motion: reduce)")
    : { matches: false };

  function setup(root) {
    if (root.hasAttribute("data-cn-ready")) return;
    var dataNode = root.querySelector("script.cn-anim-data");
    var layer = root.querySelector(".cn-anim-layer");
    var controls = root.querySelector(".cn-anim-controls");
    var slider = root.querySelector(".cn-anim-slider");
    var button = root.querySelector(".cn-anim-play");
    var action = root.querySelector(".cn-anim-action");
    var counter = root.querySelector(".cn-anim-counter");
    if (!dataNode || !layer || !controls || !slider || !button || !counter) return;

    var data;
    try {
      data = JSON.parse(dataNode.textContent);
    } catch (error) {
      return; // leave the first frame on show
    }
    var frames = data.frames || [];
    var labels = data.labels || [];
    if (frames.length < 2) return;

    var fps = parseFloat(root.getAttribute("data-fps")) || 12;
    var index = 0;
    var timer = null;

    function show(i) {
      i = Math.max(0, Math.min(frames.length - 1, i | 0));
      if (i !== index) layer.innerHTML = frames[i];
      index = i;
      slider.value = String(i);
      var label = labels[i] || "frame " + (i + 1);
      slider.setAttribute("aria-valuetext", label);
      counter.textContent = i + 1 + " / " + frames.length;
    }

    var title = controls.getAttribute("data-cn-title") || "animation";

    function setPlaying(playing) {
      action.textContent = playing ? "Pause" : "Play";
      button.setAttribute("aria-label", (playing ? "Pause: " : "Play: ") + title);
      root.classList.toggle("cn-anim-playing", playing);
    }

    function pause() {
      if (timer !== null) {
        window.clearInterval(timer);
        timer = null;
      }
      setPlaying(false);
    }

    function step() {
      if (index >= frames.length - 1) {
        pause();
        return;
      }
      show(index + 1);
    }

    function play() {
      if (reducedMotion.matches) return;
      if (index >= frames.length - 1) show(0); // at the end, play again from the start
      pause();
      timer = window.setInterval(step, 1000 / fps);
      setPlaying(true);
    }

    button.addEventListener("click", function () {
      if (timer === null) play();
      else pause();
    });
    slider.addEventListener("input", function () {
      pause();
      show(parseInt(slider.value, 10));
    });
    slider.addEventListener("keydown", function (event) {
      // Space toggles play, like a video player; arrows, Home, End and Page keys
      // are the range input's own.
      if (event.key === " " && !reducedMotion.matches) {
        event.preventDefault();
        button.click();
      }
    });

    controls.hidden = false;
    root.setAttribute("data-cn-ready", "");
    show(0);
    players.push({ root: root, pause: pause });
  }

  function init() {
    // Instant navigation swaps the page body: stop players that left the page.
    players = players.filter(function (player) {
      if (player.root.isConnected) return true;
      player.pause();
      return false;
    });
    document.querySelectorAll(".cn-anim").forEach(setup);
  }

  function onMotionPreference() {
    if (reducedMotion.matches) {
      players.forEach(function (player) { player.pause(); });
    }
  }
  if (reducedMotion.addEventListener) {
    reducedMotion.addEventListener("change", onMotionPreference);
  }

  if (typeof document$ !== "undefined" && document$ && typeof document$.subscribe === "function") {
    document$.subscribe(init); // Material for MkDocs: runs on every (instant) page load
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();

/* The offline copy (`make offline`): site search and folder links, opened from disk.
 *
 * The theme searches in a web worker, and browsers refuse to start a worker from a page
 * opened from disk (file://). Only the offline copy loads this script (mkdocs.offline.yml
 * names it), in each page's head, before the theme's code. Opened from disk, it gives the
 * theme a Worker that runs the same worker script in a hidden frame of the page instead: the
 * script loads with a script element (which file:// allows), messages go both ways as
 * "message" events, each copied into the receiving side's own objects. Served over http(s)
 * it does nothing. Plain script, no library, no request beyond the worker script itself.
 *
 * A few links are written by scripts for the published site's folder addresses (x/): opened
 * from disk, a folder shows a file listing, so a click on such a link opens the folder's
 * index.html (scripts/offline.py gives every page x.html an x/index.html leading to it).
 */
(() => {
  "use strict";

  if (location.protocol !== "file:") return;

  class FrameWorker extends EventTarget {
    constructor(url) {
      super();
      this.onmessage = null;
      this.waiting = [];
      this.frame = document.createElement("iframe");
      this.frame.hidden = true;
      this.frame.title = "Search worker";
      this.frame.setAttribute("aria-hidden", "true");
      this.frame.tabIndex = -1;
      (document.body || document.documentElement).append(this.frame);
      this.scope = this.frame.contentWindow;
      // The worker script answers with the global postMessage: here, this frame's.
      this.scope.postMessage = data => {
        const copy = structuredClone(data);
        setTimeout(() => this.receive(copy));
      };
      const script = this.scope.document.createElement("script");
      script.src = new URL(url, location.href).href;
      script.onload = () => {
        this.ready = true;
        for (const data of this.waiting.splice(0)) this.deliver(data);
      };
      this.scope.document.head.append(script);
    }

    postMessage(data) {
      if (this.ready) this.deliver(data);
      else this.waiting.push(data);
    }

    deliver(data) {
      const scope = this.scope;
      const copy = scope.structuredClone(data); // objects of the frame's own
      setTimeout(() => scope.dispatchEvent(new scope.MessageEvent("message", { data: copy })));
    }

    receive(data) {
      const event = new MessageEvent("message", { data });
      this.dispatchEvent(event);
      if (typeof this.onmessage === "function") this.onmessage(event);
    }

    terminate() {
      this.frame.remove();
    }
  }

  if (typeof window.Worker !== "undefined") window.Worker = FrameWorker;

  function toIndex(event) {
    const link = event.target instanceof Element ? event.target.closest("a[href]") : null;
    if (!link || link.protocol !== "file:" || !link.pathname.endsWith("/")) return;
    const url = new URL(link.href);
    url.pathname += "index.html";
    link.href = url.href;
  }
  document.addEventListener("click", toIndex, true);
  document.addEventListener("auxclick", toIndex, true);
})();

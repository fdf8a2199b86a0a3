// ngvh web chat: posts to /api/ask and renders the answer with its citations as expandable quotes.
// Everything from the server goes in through textContent, never parsed as HTML.
"use strict";
(function () {
  const form = document.getElementById("ask");
  const input = document.getElementById("question");
  const button = document.getElementById("send");
  const log = document.getElementById("log");
  const status = document.getElementById("status");

  function el(tag, cls, text) {
    const node = document.createElement(tag);
    if (cls) node.className = cls;
    if (text !== undefined && text !== null) node.textContent = text;
    return node;
  }

  function viDate(iso) {
    const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso || "");
    return m ? `${m[3]}/${m[2]}/${m[1]}` : iso || "";
  }

  function citationLabel(c) {
    return [c.plan || c.title || c.source, c.issuer, viDate(c.date)].filter(Boolean).join(" · ");
  }

  function renderAnswer(data) {
    const item = el("li", "msg bot");
    item.appendChild(el("div", "answer", data.answer));
    const cites = data.citations || [];
    if (cites.length) {
      const box = el("section", "sources");
      box.setAttribute("aria-label", "Nguồn trích dẫn");
      box.appendChild(el("h2", null, "Nguồn"));
      for (const c of cites) {
        const d = el("details", "citation");
        const s = el("summary", null, `[${c.n}] ${citationLabel(c)}`);
        d.appendChild(s);
        if (c.title) d.appendChild(el("div", "meta", c.title));
        if (c.section) d.appendChild(el("div", "meta", `Mục: ${c.section}`));
        d.appendChild(el("blockquote", null, c.full_quote || c.quote || ""));
        if (c.source) d.appendChild(el("div", "meta", `Tệp: ${c.source}`));
        box.appendChild(d);
      }
      item.appendChild(box);
    }
    log.appendChild(item);
    item.scrollIntoView({ block: "start", behavior: "smooth" });
  }

  async function ask(question) {
    log.appendChild(el("li", "msg user", question));
    button.disabled = true;
    input.setAttribute("aria-busy", "true");
    status.textContent = "Đang tìm câu trả lời…";
    try {
      const res = await fetch("/api/ask", {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({ question }),
      });
      let data = null;
      try { data = await res.json(); } catch (e) { data = null; }
      if (!res.ok || !data) {
        const msg = (data && data.message) || "Xin lỗi, hệ thống đang bận. Vui lòng thử lại.";
        log.appendChild(el("li", "msg bot error", msg));
      } else {
        renderAnswer(data);
      }
      status.textContent = "";
    } catch (e) {
      log.appendChild(el("li", "msg bot error", "Không kết nối được máy chủ. Vui lòng kiểm tra mạng và thử lại."));
      status.textContent = "";
    } finally {
      button.disabled = false;
      input.removeAttribute("aria-busy");
      input.focus();
    }
  }

  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const question = input.value.trim();
    if (!question || button.disabled) return;
    input.value = "";
    ask(question);
  });

  input.addEventListener("keydown", (event) => {
    if (event.key === "Enter" && !event.shiftKey && !event.isComposing) {  // isComposing: Vietnamese IMEs
      event.preventDefault();
      form.requestSubmit();
    }
  });
})();

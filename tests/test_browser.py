"""The review page in a real browser: headless Chromium, driven over DevTools.

Debian's ``chromium`` is started with ``--remote-debugging-pipe`` (commands go
in on fd 3, replies and events come out on fd 4, NUL-terminated JSON); a small
stdlib client opens the page from ``file://``, clicks a highlighted figure
with real mouse events, reads the panel, and saves a screenshot under
``artifacts/``. Every read is bounded by a deadline; the browser is killed
whatever happens. Skips when chromium is not installed (CI installs it).
"""

from __future__ import annotations

import base64
import contextlib
import fcntl
import json
import os
import select
import shutil
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from zoneplan.pipeline import parse_text
from zoneplan.review import render_plan

pytestmark = pytest.mark.browser

ARTIFACTS = Path(__file__).resolve().parent.parent / "artifacts"

DOC = """\
下载文档,编辑使用
某某经济开发区2025年工作计划
主要目标是:地区生产总值增长6%以上,规上工业增加值增长8%,固定资产投资完成120亿元,实到外资1.5亿美元。
一、全力抓好项目建设
(一)推进重大项目。加快推进智能装备产业园项目建设,总投资35亿元,年内新开工项目12个。
(二)强化要素保障。盘活低效用地800亩,新增标准厂房20万平方米。
二、持续优化营商环境
力争新增市场主体1500家,研发投入占比达到3.5%。
1 / 2
"""

FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-dev-shm-usage",
    "--window-size=1280,900",
    "--remote-debugging-pipe",
]


def _chromium() -> str | None:
    for name in ("/usr/bin/chromium", "chromium", "chromium-browser"):
        found = shutil.which(name)
        if found:
            return found
    return None


class Browser:
    """A DevTools client over Chromium's pipe: ``call`` sends and waits for its reply."""

    def __init__(self, exe: str, profile: Path, timeout: float = 30.0) -> None:
        self.timeout = timeout
        to_child_r, self._to_child = os.pipe()
        self._from_child, from_child_w = os.pipe()

        def fds() -> None:
            # in the child, before exec: fd 3 reads our commands, fd 4 writes replies. Our own
            # pipe ends are not inheritable (PEP 446), so only these two cross the exec.
            r = fcntl.fcntl(to_child_r, fcntl.F_DUPFD_CLOEXEC, 10)
            w = fcntl.fcntl(from_child_w, fcntl.F_DUPFD_CLOEXEC, 10)
            os.dup2(r, 3)
            os.dup2(w, 4)

        self.proc = subprocess.Popen(
            [exe, *FLAGS, f"--user-data-dir={profile}", "about:blank"],
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            preexec_fn=fds,
            close_fds=False,
            start_new_session=True,
        )
        os.close(to_child_r)
        os.close(from_child_w)
        self._buf = b""
        self._next = 0
        self.events: list[dict[str, Any]] = []

    def _read_message(self, deadline: float) -> dict[str, Any]:
        while b"\0" not in self._buf:
            left = deadline - time.monotonic()
            if left <= 0:
                raise TimeoutError("chromium did not answer in time")
            ready, _, _ = select.select([self._from_child], [], [], left)
            if ready:
                chunk = os.read(self._from_child, 1 << 20)
                if not chunk:
                    raise ConnectionError(f"chromium closed the pipe (exit code {self.proc.poll()})")
                self._buf += chunk
        raw, self._buf = self._buf.split(b"\0", 1)
        message: dict[str, Any] = json.loads(raw)
        return message

    def call(self, method: str, session: str | None = None, **params: Any) -> dict[str, Any]:
        self._next += 1
        msg: dict[str, Any] = {"id": self._next, "method": method, "params": params}
        if session:
            msg["sessionId"] = session
        os.write(self._to_child, json.dumps(msg).encode() + b"\0")
        deadline = time.monotonic() + self.timeout
        while True:
            reply = self._read_message(deadline)
            if reply.get("id") == self._next:
                if "error" in reply:
                    raise RuntimeError(f"{method}: {reply['error']}")
                result: dict[str, Any] = reply.get("result", {})
                return result
            self.events.append(reply)

    def wait_event(self, method: str, after: int = 0) -> dict[str, Any]:
        deadline = time.monotonic() + self.timeout
        while True:
            for event in self.events[after:]:
                if event.get("method") == method:
                    return event
            self.events.append(self._read_message(deadline))

    def close(self) -> None:
        try:
            if self.proc.poll() is None:
                with contextlib.suppress(OSError, TimeoutError, ConnectionError, RuntimeError):
                    self.call("Browser.close")
                try:
                    self.proc.wait(timeout=10)
                except subprocess.TimeoutExpired:
                    self.proc.kill()
                    self.proc.wait(timeout=10)
        finally:
            os.close(self._to_child)
            os.close(self._from_child)


class Page:
    """One tab, attached in flat mode."""

    def __init__(self, browser: Browser, url: str) -> None:
        self.b = browser
        target = browser.call("Target.createTarget", url="about:blank")["targetId"]
        self.session = browser.call("Target.attachToTarget", targetId=target, flatten=True)["sessionId"]
        for domain in ("Page", "Runtime", "Network", "Log"):
            self.call(f"{domain}.enable")
        mark = len(browser.events)
        self.call("Page.navigate", url=url)
        browser.wait_event("Page.loadEventFired", after=mark)

    def call(self, method: str, **params: Any) -> dict[str, Any]:
        return self.b.call(method, self.session, **params)

    def js(self, expression: str) -> Any:
        reply = self.call("Runtime.evaluate", expression=expression, returnByValue=True)
        if "exceptionDetails" in reply:
            raise RuntimeError(f"{expression}: {reply['exceptionDetails']}")
        return reply["result"].get("value")

    def click(self, selector: str) -> None:
        """A real left click (pressed and released) at the centre of the element."""
        self.js(f"document.querySelector({json.dumps(selector)}).scrollIntoView({{block: 'center'}})")
        box = self.js(
            # the first line box: an inline element that wraps has an empty middle
            f"(() => {{ const r = document.querySelector({json.dumps(selector)}).getClientRects()[0];"
            " return [r.left + r.width / 2, r.top + r.height / 2]; })()"
        )
        x, y = box
        self.call("Input.dispatchMouseEvent", type="mouseMoved", x=x, y=y)
        for kind in ("mousePressed", "mouseReleased"):
            self.call("Input.dispatchMouseEvent", type=kind, x=x, y=y, button="left", clickCount=1)

    def screenshot(self, path: Path) -> None:
        data = self.call("Page.captureScreenshot", format="png")["data"]
        path.write_bytes(base64.b64decode(data))


@pytest.fixture(scope="module")
def browser(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Browser]:
    exe = _chromium()
    if exe is None:
        pytest.skip("chromium is not installed (apt-get install chromium); CI installs it")
    b = Browser(exe, tmp_path_factory.mktemp("chromium-profile"))
    try:
        b.call("Browser.getVersion")
        yield b
    finally:
        b.close()


@pytest.fixture(scope="module")
def page_file(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Any]:
    plan = parse_text(DOC)
    path = tmp_path_factory.mktemp("review") / "plan.html"
    path.write_text(render_plan(plan, DOC), encoding="utf-8")
    return path, plan


def test_click_shows_fields(browser: Browser, page_file: tuple[Path, Any]) -> None:
    path, plan = page_file
    page = Page(browser, path.as_uri())
    assert page.js("document.querySelectorAll('mark.ind').length") == len(plan.indicators)
    ind = next(i for i in plan.indicators if i.text == "1.5亿美元")
    assert page.js("document.getElementById('detail-body').innerText").startswith("Click")

    page.click(f"#ind-{ind.id}")

    shown = page.js(
        "Object.fromEntries([...document.querySelectorAll('#detail-body dd')]"
        ".map(dd => [dd.dataset.field, dd.textContent]))"
    )
    assert shown["name"] == ind.name
    assert shown["value"] == "1.5亿美元"
    assert shown["base"] == "150,000,000 us_dollar"
    assert shown["kind"] == ind.kind.value
    assert shown["comparator"] == ind.comparator.value
    assert shown["role"] == ind.role.value == "target"
    assert page.js(f"document.getElementById('ind-{ind.id}').classList.contains('selected')")
    # hovering shows the same fields in the tooltip
    assert page.js("document.getElementById('tip').hidden") is False
    assert "1.5亿美元" in page.js("document.getElementById('tip').innerText")

    ARTIFACTS.mkdir(exist_ok=True)
    shot = ARTIFACTS / "review.png"
    page.screenshot(shot)
    assert shot.read_bytes().startswith(b"\x89PNG") and shot.stat().st_size > 10_000

    # a project: clicking its name (outside any figure) shows the project's fields
    (proj,) = plan.projects
    page.click(f"#proj-{proj.id}")
    assert page.js("document.querySelector('#detail-body dd').textContent") == proj.name

    # clicking a TOC entry jumps to the heading (its anchor); the legend toggles hide roles
    page.click("#toc a.toc-link")
    assert page.js("location.hash") == "#task-1"
    page.click(".legend input[data-toggle=target]")
    assert page.js("document.body.classList.contains('hide-target')")

    # nothing went to the network, nothing failed in the page's script
    urls = [
        e["params"]["request"]["url"]
        for e in browser.events
        if e.get("method") == "Network.requestWillBeSent"
    ]
    assert all(u.startswith(("file:", "data:", "about:")) for u in urls), urls
    errors = [e for e in browser.events if e.get("method") == "Runtime.exceptionThrown"]
    assert errors == []
    logged = [
        e["params"]["entry"]["text"]
        for e in browser.events
        if e.get("method") == "Log.entryAdded" and e["params"]["entry"]["level"] == "error"
    ]
    assert logged == []


def test_hash_selects_a_figure(browser: Browser, page_file: tuple[Path, Any]) -> None:
    # links from the headline table (#ind-N) select the figure on load
    path, plan = page_file
    ind = next(i for i in plan.indicators if i.headline)
    page = Page(browser, f"{path.as_uri()}#ind-{ind.id}")
    assert page.js("document.getElementById('detail-body').getAttribute('data-selected')") == f"ind-{ind.id}"
    assert page.js("document.querySelector('#detail-body dd').textContent") == ind.name

"""The session's mDNS advertisement, heard by a browser in the same test, on 127.0.0.1 only."""

from __future__ import annotations

import threading
import time

from srmtool.share.discovery import Advertisement, Browser, Found, local_addresses


def test_a_browser_hears_the_advertised_session_and_its_leaving() -> None:
    heard: list[list[Found]] = []
    changed = threading.Event()

    def on_change(found: list[Found]) -> None:
        heard.append(found)
        changed.set()

    title = "แผนที่ทางเดินยุทธศาสตร์ ควบคุมโรคไข้เลือดออก ตำบลบ้านนา"
    ad = Advertisement(title, 48123, ["127.0.0.1"])
    browser = Browser(on_change, interfaces=["127.0.0.1"])
    try:
        end = time.monotonic() + 10
        while time.monotonic() < end and not any(f.port == 48123 for f in (heard[-1] if heard else [])):
            changed.wait(0.2)
            changed.clear()
        found = [f for f in heard[-1] if f.port == 48123]
        assert found and found[0].title == title and found[0].host == "127.0.0.1"
        assert "code" not in repr(found[0]).lower()
        ad.close()
        end = time.monotonic() + 10
        while time.monotonic() < end and any(f.port == 48123 for f in heard[-1]):
            changed.wait(0.2)
            changed.clear()
        assert not any(f.port == 48123 for f in heard[-1])
    finally:
        browser.close()
        ad.close()


def test_local_addresses_are_on_local_networks() -> None:
    import ipaddress

    for address in local_addresses():
        ip = ipaddress.ip_address(address)
        assert (ip.is_private or ip.is_link_local) and not ip.is_loopback

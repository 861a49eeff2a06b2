"""Several laptops, one map: the map mirrored in a shared Yjs document (pycrdt), exchanged over
pycrdt-websocket on the venue's network and found there by zeroconf (mDNS). No Qt here.

- ``schema``: how the map lives in the Doc (README, "The shared document");
- ``mirror``: one map and one Doc kept equal: local change records into the Doc, the Doc's
  changes back as model operations; per-person undo with the Doc's undo manager;
- ``replica``: a map with its mirror, as a headless peer (``srmtool serve``, the tests);
- ``net``: the room server, the client connection, the room code and the limits;
- ``discovery``: the session's mDNS advertisement and browser.
"""

"""The Bot API stand-in's files (tests/support/bot_api_stub.py): getFile, the file URL with real bytes,
and documents sent "as a file"."""

from __future__ import annotations

import threading
from typing import Any

from aiohttp import web

TOKEN = "123456789:TEST-stub-token-not-real"
# A file URL of its own, for a configured TELEGRAM_API_FILE_URL (the stand-in's base + FILE_PREFIX + "/bot").
FILE_PREFIX = "/elsewhere/files"
ACTUAL_SIZE = -1


class ApiError(Exception):
    """An error answer of the Bot API ({"ok": false}) with its status and description."""

    def __init__(self, status: int, description: str) -> None:
        super().__init__(description)
        self.status, self.description = status, description


class FileServer:
    """Mixed into the stand-in: `files` maps a file id to (bytes served, the file_size getFile declares,
    None to leave it out); `downloads` lists the paths of the file URLs fetched."""

    files: dict[str, tuple[bytes, int | None]]
    downloads: list[str]
    _lock: threading.Lock

    def message_update(self, user_id: int, chat_id: int | None = None, **content: Any) -> dict[str, Any]:
        raise NotImplementedError

    def inject(self, update: dict[str, Any]) -> int:
        raise NotImplementedError

    def add_file(self, file_id: str, data: bytes, declared: int | None = ACTUAL_SIZE) -> None:
        """Serve `data` for `file_id`; getFile declares its real size, `declared`, or none (None)."""
        with self._lock:
            self.files[file_id] = (data, len(data) if declared == ACTUAL_SIZE else declared)

    async def _download(self, request: web.Request) -> web.StreamResponse:
        """The file URL: the bytes of a file put with add_file, streamed as Telegram's file server does."""
        if request.match_info["token"] != TOKEN:
            return web.Response(status=401)
        path = request.match_info["path"]
        with self._lock:
            self.downloads.append(request.path)
        file_id = path.removeprefix("photos/")
        if file_id not in self.files:
            return web.Response(status=404)
        data = self.files[file_id][0]
        response = web.StreamResponse(headers={"Content-Type": "application/octet-stream"})
        response.content_length = len(data)
        await response.prepare(request)
        for start in range(0, len(data), 1024 * 1024):
            await response.write(data[start : start + 1024 * 1024])
        await response.write_eof()
        return response

    async def _api_getFile(self, params: dict[str, Any]) -> Any:
        file_id = str(params.get("file_id"))
        if file_id not in self.files:
            raise ApiError(400, "Bad Request: invalid file_id")
        data, declared = self.files[file_id]
        result: dict[str, Any] = {
            "file_id": file_id,
            "file_unique_id": f"u-{file_id}",
            "file_path": f"photos/{file_id}",
        }
        if declared is not None:
            result["file_size"] = declared
        return result

    def send_document(
        self,
        user_id: int,
        file_id: str,
        data: bytes,
        file_name: str = "IMG_0001.jpg",
        mime_type: str = "image/jpeg",
        declared: int | None = ACTUAL_SIZE,
    ) -> int:
        """A file sent "as a file" (a document), with the name and type the sender's app claims."""
        self.add_file(file_id, data, declared)
        document: dict[str, Any] = {
            "file_id": file_id,
            "file_unique_id": f"u-{file_id}",
            "file_name": file_name,
            "mime_type": mime_type,
        }
        size = len(data) if declared == ACTUAL_SIZE else declared
        if size is not None:
            document["file_size"] = size
        return self.inject(self.message_update(user_id, document=document))

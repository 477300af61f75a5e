"""What bench/changes/writer.py and receiver.py share of HTTP/1.1 (standard library only)."""


async def read_chunked(reader):
    """The body of a message sent with ``Transfer-Encoding: chunked``, read from ``reader`` up to its trailers' end."""
    chunks = []
    while True:
        size_line = await reader.readuntil(b"\r\n")
        size = int(size_line.split(b";", 1)[0].strip(), 16)
        if size == 0:
            while await reader.readuntil(b"\r\n") != b"\r\n":  # trailers, up to the empty line
                pass
            return b"".join(chunks)
        chunks.append(await reader.readexactly(size))
        await reader.readexactly(2)

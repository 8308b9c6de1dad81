//! `tracecheck serve` answers every connection a browser opens at once.
//!
//! A page's first visit opens six connections or more in the same
//! instant (the WebAssembly, its JS, the early data requests). tiny_http
//! 0.12, the server used before, queued some of those connections without
//! a thread to read them, so their requests waited until another
//! connection closed: 8 s stalls on a fresh server (docs/serving.md).

mod support;

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::time::Duration;

/// One keep-alive GET of `path` on `stream`: the status and body length.
fn get(stream: &mut BufReader<TcpStream>, path: &str) -> std::io::Result<(u16, usize)> {
    write!(
        stream.get_mut(),
        "GET {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: keep-alive\r\n\r\n"
    )?;
    let mut status_line = String::new();
    stream.read_line(&mut status_line)?;
    let status = status_line
        .split(' ')
        .nth(1)
        .and_then(|s| s.parse().ok())
        .unwrap_or(0);
    let mut length = 0;
    loop {
        let mut line = String::new();
        stream.read_line(&mut line)?;
        if line.trim().is_empty() {
            break;
        }
        if let Some((name, value)) = line.split_once(':')
            && name.eq_ignore_ascii_case("content-length")
        {
            length = value.trim().parse().unwrap_or(0);
        }
    }
    let mut body = vec![0; length];
    stream.read_exact(&mut body)?;
    Ok((status, length))
}

#[test]
fn many_connections_opened_at_once_are_all_answered() {
    let server = support::start(&["--dist", "/nonexistent"]);
    // All connected before any request is sent: the server accepts them in
    // one burst, as it does a browser's.
    let mut connections: Vec<_> = (0..12)
        .map(|_| {
            let stream = TcpStream::connect(("127.0.0.1", server.port)).expect("connect");
            stream
                .set_read_timeout(Some(Duration::from_secs(3)))
                .expect("timeout");
            BufReader::new(stream)
        })
        .collect();
    for round in 0..2 {
        for (i, connection) in connections.iter_mut().enumerate() {
            let answer = get(connection, "/config.json");
            assert!(
                matches!(answer, Ok((200, n)) if n > 0),
                "round {round}, connection {i}: {answer:?} (3 s read timeout)"
            );
        }
    }
}

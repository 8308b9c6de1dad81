//! A `tracecheck serve` of the demo registry on a free port of 127.0.0.1,
//! stopped when dropped.

// Each test file compiles its own copy and uses part of it.
#![allow(dead_code)]

use std::net::TcpListener;
use std::process::{Child, Command, Stdio};
use std::time::Duration;

pub struct Server {
    child: Child,
    pub base: String,
    pub port: u16,
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// Starts the server with `args` after `serve --addr …` and waits until it
/// answers (`TRACECHECK_SERVE_BIN` names another binary to test).
pub fn start(args: &[&str]) -> Server {
    let port = TcpListener::bind("127.0.0.1:0")
        .expect("free port")
        .local_addr()
        .expect("addr")
        .port();
    let bin = std::env::var("TRACECHECK_SERVE_BIN")
        .unwrap_or_else(|_| env!("CARGO_BIN_EXE_tracecheck").to_owned());
    let child = Command::new(bin)
        .args(["serve", "--addr", &format!("127.0.0.1:{port}")])
        .args(args)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("start serve");
    let server = Server {
        child,
        base: format!("http://127.0.0.1:{port}"),
        port,
    };
    for _ in 0..100 {
        if std::net::TcpStream::connect(("127.0.0.1", port)).is_ok() {
            return server;
        }
        std::thread::sleep(Duration::from_millis(100));
    }
    panic!("tracecheck serve did not start");
}

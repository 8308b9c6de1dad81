//! The QR decoding Web Worker (built by Trunk from index.html's
//! `data-type="worker"` link): see `tracecheck_web::platform::decoder_worker`.

fn main() {
    tracecheck_web::platform::decoder_worker::serve();
}

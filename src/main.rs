fn main() {
    tracecheck_web::run();
}

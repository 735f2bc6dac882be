//! Entry point of the first download: the start screen, which loads the workbench on demand.

fn main() {
    clustercalc_web::shell::start();
}

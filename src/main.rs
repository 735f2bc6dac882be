//! Entry point of the web app: mounts the calculator on the page body.

fn main() {
    clustercalc_web::start();
}

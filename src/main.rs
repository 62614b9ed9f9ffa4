use green_actor::LaunchOptions;

#[cfg(not(target_arch = "wasm32"))]
fn main() -> std::process::ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args.first().map(String::as_str) {
        Some("validate") => return green_actor::cli::validate(&args[1..]),
        Some("pack") => return green_actor::cli::pack(&args[1..]),
        _ => {}
    }
    green_actor::app(LaunchOptions::from_args(&args)).run();
    std::process::ExitCode::SUCCESS
}

#[cfg(target_arch = "wasm32")]
fn main() {
    console_error_panic_hook::set_once();
    let pairs = green_actor::platform::query_pairs();
    let options = LaunchOptions::from_pairs(pairs.iter().map(|(k, v)| (k.as_str(), v.as_str())));
    green_actor::app(options).run();
}

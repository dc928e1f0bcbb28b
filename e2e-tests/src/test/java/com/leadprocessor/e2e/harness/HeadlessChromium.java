package com.leadprocessor.e2e.harness;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Map;

/**
 * Debian's Chromium, headless, driven by Playwright. Playwright never downloads a browser here: the
 * suite uses the one the machine has ({@code apt-get install chromium}).
 */
public final class HeadlessChromium implements AutoCloseable {

  /** Where Debian's {@code chromium} package installs the browser. */
  public static final Path EXECUTABLE = Paths.get("/usr/bin/chromium");

  private final Playwright playwright;
  private final Browser browser;

  private HeadlessChromium() {
    this.playwright =
        Playwright.create(
            new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
    this.browser =
        playwright
            .chromium()
            .launch(
                new BrowserType.LaunchOptions()
                    .setExecutablePath(EXECUTABLE)
                    .setHeadless(true)
                    .setArgs(
                        List.of(
                            "--no-sandbox",
                            "--disable-background-networking",
                            "--disable-gpu",
                            "--disable-component-update",
                            "--no-first-run")));
  }

  /** Launches the browser; fails in CI and skips elsewhere when Chromium is not installed. */
  public static HeadlessChromium launch() {
    E2eEnvironment.requireTool(
        Files.isExecutable(EXECUTABLE),
        "Chromium is missing at " + EXECUTABLE + ": apt-get update && apt-get install -y chromium");
    return new HeadlessChromium();
  }

  /** A new tab with a desktop-sized viewport. */
  public Page newPage() {
    return browser.newPage(new Browser.NewPageOptions().setViewportSize(1400, 1000));
  }

  @Override
  public void close() {
    browser.close();
    playwright.close();
  }
}

package io.sharcs.runner.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The demo report read by a real browser (issue 15 item 10); skipped without chromium. */
class ReportBrowserTest {

  @TempDir Path work;

  @Test
  void theDemoReportShowsEverySectionAndEveryImageWithoutConsoleErrors() {
    BrowserCheck.assumeBrowser();
    ReportDocument doc = DemoReport.build();
    Path page = ReportWriter.write(doc, work);

    BrowserCheck.Result r = BrowserCheck.open(page, Path.of("target", "report-demo.png"));

    assertThat(r.consoleErrors()).as("console errors").isEmpty();
    assertThat(r.sectionIds()).containsExactlyElementsOf(
        doc.sections().stream().map(Section::id).toList());
    long pictures = ReportWriterTest.pictureCount(doc);
    assertThat(r.imageWidths()).as("naturalWidth of every <img>").hasSize((int) pictures)
        .allSatisfy(w -> assertThat(w).isPositive());
    assertThat(r.screenshot()).isRegularFile();
  }

  @Test
  void aBrokenImageIsSeen() throws Exception {
    BrowserCheck.assumeBrowser();
    // The check itself must be able to fail: a page with an undecodable picture.
    Path page = work.resolve("broken.html");
    java.nio.file.Files.writeString(page, "<!DOCTYPE html><html><body><section id=\"a\">"
        + "<img src=\"data:image/png;base64,AAAA\" alt=\"x\"></section></body></html>");
    BrowserCheck.Result r = BrowserCheck.open(page, work.resolve("broken.png"));
    assertThat(r.imageWidths()).containsExactly(0L);
    assertThat(r.sectionIds()).containsExactly("a");
  }
}

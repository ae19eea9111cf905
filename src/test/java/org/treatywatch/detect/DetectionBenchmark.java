package org.treatywatch.detect;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.treatywatch.TestFiles;
import org.treatywatch.service.Topic;
import org.treatywatch.config.FeedsFile;

/**
 * JMH: normalization + tokenization + detection of a 1,000-word Hebrew or Arabic article on one
 * thread. Run: {@code mvn -q test-compile exec:java -Dexec.mainClass=org.treatywatch.detect.DetectionBenchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class DetectionBenchmark {
    @Param({"ar", "he"})
    public String language;

    private TopicDetector detector;
    private String article;

    @Setup
    public void setUp() {
        detector = TestFiles.shippedDetector();
        String[] sentences = language.equals("ar")
                ? new String[] {
                    "أجرى الرئيس الروسي فلاديمير بوتين ونظيره الإيراني مسعود بزشكيان محادثات في موسكو قبيل توقيع معاهدة الشراكة الاستراتيجية.",
                    "وقال المتحدث باسم الكرملين إن الاتفاقية تشمل التعاون في مجالات الطاقة والنقل والزراعة والتعليم والثقافة.",
                    "ومن المتوقع أن يصادق البرلمان على الوثيقة خلال الأشهر المقبلة بعد دراستها في اللجان المختصة."}
                : new String[] {
                    "נשיא רוסיה ולדימיר פוטין ונשיא איראן מסעוד פזשכיאן נפגשו במוסקבה לפני החתימה על הסכם השותפות האסטרטגית.",
                    "לדברי הקרמלין, ההסכם כולל שיתוף פעולה בתחומי האנרגיה, התחבורה, החקלאות, החינוך והתרבות.",
                    "הפרלמנט צפוי לאשרר את המסמך בחודשים הקרובים לאחר דיון בוועדות המתאימות."};
        StringBuilder sb = new StringBuilder();
        for (int words = 0, i = 0; words < 1000; i++) {
            sb.append(sentences[i % sentences.length]).append(i % 3 == 2 ? "\n" : " ");
            words += sentences[i % sentences.length].split("\\s+").length;
        }
        article = sb.toString();
    }

    @Benchmark
    public Relevance detect() {
        return detector.detect("", article);
    }

    public static void main(String[] args) throws Exception {
        org.treatywatch.Jmh.run(DetectionBenchmark.class);
    }
}

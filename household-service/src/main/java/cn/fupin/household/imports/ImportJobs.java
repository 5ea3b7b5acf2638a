package cn.fupin.household.imports;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.http.HttpStatus;
import org.springframework.security.concurrent.DelegatingSecurityContextRunnable;
import org.springframework.stereotype.Service;
import org.springframework.util.unit.DataSize;

import cn.fupin.household.forms.FormLayout;
import cn.fupin.platform.domain.FieldError;
import cn.fupin.platform.jdbc.AfterCommit;
import cn.fupin.platform.observability.CorrelationId;
import cn.fupin.platform.security.Caller;
import cn.fupin.platform.web.ApiException;

/**
 * Imports of files, one at a time beside the requests: a submitted file is kept on disk (never whole in memory),
 * recorded as a queued job and read by a worker in the submitter's name and area; its progress and result are read
 * by id. A job the service was stopped in the middle of is marked failed at the next start (it kept nothing).
 */
@Service
public class ImportJobs implements DisposableBean {

    private static final Logger LOG = LoggerFactory.getLogger(ImportJobs.class);

    private final ImportJobStore store;
    private final ImportProgress progress;
    private final NationalRegistryImport national;
    private final FormImport forms;
    private final Path directory;
    private final DataSize largest;
    private final Clock clock;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "import-jobs");
        thread.setDaemon(true);
        return thread;
    });

    ImportJobs(ImportJobStore store, ImportProgress progress, NationalRegistryImport national, FormImport forms,
            @Value("${fupin.imports.directory:${java.io.tmpdir}/fupin-imports}") Path directory,
            @Value("${fupin.imports.max-file-size:256MB}") DataSize largest, Clock clock) {
        this.store = store;
        this.progress = progress;
        this.national = national;
        this.forms = forms;
        this.directory = directory;
        this.largest = largest;
        this.clock = clock;
    }

    /** A file as it arrives: its bytes are read once, onto disk. */
    public record Upload(InputStream body, String fileName, String mediaType) {
    }

    /**
     * Keeps the file, records the job and queues it; the job's id reads its progress.
     *
     * @param area the area the file is for (a form's village), inside the caller's; null for the caller's whole area
     */
    public ImportJob submit(ImportJob.Kind kind, Upload upload, String area, boolean partial, Caller caller) {
        area = caller.scope().narrow(area);
        UUID id = UUID.randomUUID();
        Path file = directory.resolve(id + ".upload");
        String sha256;
        long size;
        try {
            Files.createDirectories(directory);
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            try (InputStream in = new DigestInputStream(upload.body(), digest);
                    OutputStream out = Files.newOutputStream(file)) {
                size = copy(in, out);
            }
            sha256 = HexFormat.of().formatHex(digest.digest());
        }
        catch (IOException ex) {
            delete(file);
            throw new UncheckedIOException(ex);
        }
        catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException(ex);
        }
        catch (RuntimeException ex) {
            delete(file);
            throw ex;
        }
        if (size == 0) {
            delete(file);
            throw ApiException.invalid(List.of(new FieldError("body", null, "上传的文件是空的")));
        }
        ImportJob job = new ImportJob(id, kind, ImportJob.State.QUEUED, area, partial, upload.fileName(),
                upload.mediaType(), size, sha256, null, 0, ImportJob.Counts.NONE, 0, List.of(), List.of(), List.of(), null,
                caller.userId(), clock.instant(), null, null);
        store.insert(job);
        Runnable run = new DelegatingSecurityContextRunnable(() -> execute(job, file));
        AfterCommit.run(() -> worker.execute(run));
        return job;
    }

    public Optional<ImportJob> find(UUID id, Caller caller) {
        return store.find(id, caller.scope());
    }

    @EventListener(ApplicationReadyEvent.class)
    void abandonUnfinished() {
        int abandoned = progress.abandonUnfinished("服务重启时导入尚未完成，未写入任何数据；请重新提交");
        if (abandoned > 0) {
            LOG.warn("{} import job(s) left unfinished by the last run marked failed", abandoned);
        }
    }

    private void execute(ImportJob job, Path file) {
        // every event the import raises carries the job's id as its correlation id: its source
        MDC.put(CorrelationId.MDC_KEY, job.id().toString());
        try {
            ImportOutcome result = switch (job.kind()) {
                case NATIONAL_REGISTRY -> national.run(job, file);
                case FORM_1 -> forms.run(job, FormLayout.NEW_POOR, file, Caller.current());
                case FORM_2 -> forms.run(job, FormLayout.MEMBER_INCREASE, file, Caller.current());
                case FORM_3 -> forms.run(job, FormLayout.MEMBER_DECREASE, file, Caller.current());
                case FORM_4 -> forms.run(job, FormLayout.MARGINAL, file, Caller.current());
            };
            progress.finished(job.id(), result);
        }
        catch (RuntimeException ex) {
            LOG.error("import job {} failed", job.id(), ex);
            progress.finished(job.id(), ImportOutcome.failed("导入失败，未写入任何数据：" + reason(ex)));
        }
        finally {
            MDC.remove(CorrelationId.MDC_KEY);
            delete(file);
        }
    }

    private static String reason(RuntimeException ex) {
        if (ex instanceof org.springframework.dao.DuplicateKeyException) {
            return "导入期间另有户登记了相同的证件号码，请重新提交";
        }
        return "服务内部错误（详见服务日志）";
    }

    private long copy(InputStream in, OutputStream out) throws IOException {
        byte[] buffer = new byte[1 << 16];
        long size = 0;
        for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
            size += read;
            if (size > largest.toBytes()) {
                throw new ApiException(HttpStatus.CONTENT_TOO_LARGE, "payload-too-large", "文件过大",
                        "导入文件不能超过 " + largest.toMegabytes() + " MB");
            }
            out.write(buffer, 0, read);
        }
        return size;
    }

    private static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        }
        catch (IOException ex) {
            LOG.warn("could not delete {}", file, ex);
        }
    }

    @Override
    public void destroy() {
        worker.shutdownNow();
    }
}

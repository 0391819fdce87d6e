package dev.studyboard.progress.imports.application;

import dev.studyboard.progress.imports.application.ImportProblems.ImportNotFoundException;
import dev.studyboard.progress.imports.domain.StudyBoardImport;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Use case: where an import is. */
@Service
public class ImportQueries {

    private final ImportRepository imports;

    ImportQueries(ImportRepository imports) {
        this.imports = imports;
    }

    @Transactional(readOnly = true)
    public StudyBoardImport get(UUID id) {
        return imports.find(id).orElseThrow(() -> new ImportNotFoundException(id));
    }
}

package dev.studyboard.docs;

import java.nio.file.Path;

/** The study group's two notes, as the repository ships them for the demo loader. */
enum Seed {
    MICROSERVICE_STRUCTURE("000", "000-microservice-structure.md"),
    BUILDING_MICROSERVICES("002", "002-building-microservices.md");

    static final Path NOTES_FOLDER = Path.of("demo-loader/src/main/resources/seeds");

    private final String number;
    private final String fileName;

    Seed(String number, String fileName) {
        this.number = number;
        this.fileName = fileName;
    }

    /** How the map and the code name the notes: "000", "002". */
    String number() {
        return number;
    }

    /** The notes' file, relative to the repository's root. */
    Path notes() {
        return NOTES_FOLDER.resolve(fileName);
    }

    static Seed numbered(String number) {
        for (Seed seed : values()) {
            if (seed.number.equals(number)) {
                return seed;
            }
        }
        throw new IllegalArgumentException("no seed " + number);
    }

    @Override
    public String toString() {
        return number;
    }
}

package restock.forecast;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** The forecasting library stands alone: any program can forecast with it without taking the rest of Restock. */
class ForecastIndependenceTest {
    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("restock.forecast");

    @Test
    void forecasting_depends_on_no_other_restock_package() {
        noClasses().that().resideInAPackage("restock.forecast..")
                .should().dependOnClassesThat(resideInAPackage("restock..").and(not(resideInAPackage("restock.forecast.."))))
                .check(CLASSES);
    }

    @Test
    void forecasting_uses_the_jdk_only() {
        classes().that().resideInAPackage("restock.forecast..")
                .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "restock.forecast..")
                .check(CLASSES);
    }
}

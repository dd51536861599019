package restock.web;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The SKU chart's forecast in words staff follow. */
class SkuChartTest {
    /**
     * The key read "Forecast (combo, made by months)" and "Forecast (ses)": the method's code, which staff do not know. It
     * says what the forecast was made in and how, in words.
     */
    @Test
    void the_forecast_is_named_by_its_grain_and_its_method_in_words() {
        assertThat(SkuChart.forecastLabel("combo", "month")).isEqualTo("Forecast, by months (a combination of methods)");
        assertThat(SkuChart.forecastLabel("ses", "week")).isEqualTo("Forecast, by weeks (a smoothed average)");
        assertThat(SkuChart.forecastLabel("theta", "week")).isEqualTo("Forecast, by weeks (a smoothed trend, Theta method)");
        for (restock.forecast.ForecastMethod method : restock.forecast.ForecastMethod.values()) {
            assertThat(SkuChart.forecastLabel(method.label(), "week")).as(method.label()).doesNotContain("(" + method.label() + ")");
        }
    }
}

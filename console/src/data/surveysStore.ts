import type { MousetrailClient, RouterOutputs } from "@mousetrail/client-sdk";
import { createResource, createSignal } from "solid-js";
import type { Survey, SurveyDefinition } from "./surveyForm.js";

export type SurveyResults = RouterOutputs["surveys"]["results"];
/** A survey as the list shows it, with how many visitors answered it. */
export type ListedSurvey = RouterOutputs["surveys"]["list"][number];

/** The surveys of one site, newest first, each with its number of responses. */
export function createSurveysStore(api: MousetrailClient, tenantId: string, siteId: string) {
  const [surveys, { refetch }] = createResource(() => api.surveys.list.query({ tenantId, siteId }));
  return {
    surveys,
    refetch,
    /** `draft`: shown to nobody until activated; `active`: shown at once. */
    create: (definition: SurveyDefinition, status: "draft" | "active"): Promise<Survey> => api.surveys.create.mutate({ tenantId, siteId, ...definition, status }),
  };
}

/** One survey: its definition, its changes, and its results with the free-text answers a page at a time, newest first. */
export function createSurveyStore(api: MousetrailClient, tenantId: string, surveyId: string, pageSize = 20) {
  const [survey, { mutate }] = createResource(() => api.surveys.get.query({ tenantId, surveyId }));
  const [cursors, setCursors] = createSignal<(string | undefined)[]>([undefined]);
  const cursor = () => cursors()[cursors().length - 1];
  const [results, { refetch: refetchResults }] = createResource(
    () => ({ cursor: cursor() }),
    ({ cursor }) => api.surveys.results.query({ tenantId, surveyId, limit: pageSize, ...(cursor ? { cursor } : {}) }),
  );
  return {
    survey,
    results,
    refetchResults,
    pageNumber: () => cursors().length,
    older() {
      const next = results()?.freeText.nextCursor;
      if (next) setCursors([...cursors(), next]);
    },
    newer() {
      if (cursors().length > 1) setCursors(cursors().slice(0, -1));
    },
    async update(definition: SurveyDefinition): Promise<Survey> {
      return mutate(await api.surveys.update.mutate({ tenantId, surveyId, ...definition }));
    },
    async activate(): Promise<Survey> {
      return mutate(await api.surveys.activate.mutate({ tenantId, surveyId }));
    },
    async archive(): Promise<Survey> {
      return mutate(await api.surveys.archive.mutate({ tenantId, surveyId }));
    },
  };
}

export type SurveyStore = ReturnType<typeof createSurveyStore>;


import { Route, Router } from "@solidjs/router";
import type { MousetrailClient } from "@mousetrail/client-sdk";
import { lazy, type ParentProps } from "solid-js";
import { ApiProvider } from "./api/apiContext.js";
import { SessionProvider } from "./session/sessionContext.js";
import { HomePage } from "./pages/homePage.js";
import { SignInPage } from "./pages/signInPage.js";
import { NotFoundPage } from "./pages/notFoundPage.js";

// Sign-in is in the first chunk; everything behind it loads as its own route chunk.
const SignUpPage = lazy(() => import("./pages/signUpPage.js"));
const InvitationPage = lazy(() => import("./pages/invitationPage.js"));
const AccountPage = lazy(() => import("./pages/accountPage.js"));
const TenantLayout = lazy(() => import("./pages/t/tenantLayout.js"));
const SitesPage = lazy(() => import("./pages/t/sites/sitesPage.js"));
const SiteLayout = lazy(() => import("./pages/t/sites/siteLayout.js"));
const SiteSettingsPage = lazy(() => import("./pages/t/sites/siteSettingsPage.js"));
const SitePrivacyPage = lazy(() => import("./pages/t/sites/sitePrivacyPage.js"));
const OverviewPage = lazy(() => import("./pages/t/sites/overview/overviewPage.js"));
const HeatmapsPage = lazy(() => import("./pages/t/sites/heatmaps/heatmapsPage.js"));
const SessionsPage = lazy(() => import("./pages/t/sites/sessions/sessionsPage.js"));
const ReplayPage = lazy(() => import("./pages/t/sites/sessions/replayPage.js"));
const SurveysPage = lazy(() => import("./pages/t/sites/surveys/surveysPage.js"));
const NewSurveyPage = lazy(() => import("./pages/t/sites/surveys/newSurveyPage.js"));
const SurveyLayout = lazy(() => import("./pages/t/sites/surveys/surveyLayout.js"));
const SurveyResultsPage = lazy(() => import("./pages/t/sites/surveys/surveyResultsPage.js"));
const EditSurveyPage = lazy(() => import("./pages/t/sites/surveys/editSurveyPage.js"));
const MembersPage = lazy(() => import("./pages/t/members/membersPage.js"));
const ApiKeysPage = lazy(() => import("./pages/t/apiKeys/apiKeysPage.js"));
const AuditPage = lazy(() => import("./pages/t/audit/auditPage.js"));
const StaffPage = lazy(() => import("./pages/staff/staffPage.js"));
const CompliancePage = lazy(() => import("./pages/t/compliance/compliancePage.js"));
const ComplaintPage = lazy(() => import("./pages/t/compliance/complaintPage.js"));

export function App(props: { api: MousetrailClient }) {
  const Root = (rootProps: ParentProps) => (
    <ApiProvider client={props.api}>
      <SessionProvider>{rootProps.children}</SessionProvider>
    </ApiProvider>
  );
  return (
    <Router root={Root}>
      <Route path="/" component={HomePage} />
      <Route path="/sign-in" component={SignInPage} />
      <Route path="/sign-up" component={SignUpPage} />
      <Route path="/invitation" component={InvitationPage} />
      <Route path="/account" component={AccountPage} />
      <Route path="/t/:tenantId" component={TenantLayout}>
        <Route path="/" component={SitesPage} />
        <Route path="/sites" component={SitesPage} />
        <Route path="/sites/:siteId" component={SiteLayout}>
          <Route path="/" component={SiteSettingsPage} />
          <Route path="/privacy" component={SitePrivacyPage} />
          <Route path="/overview" component={OverviewPage} />
          <Route path="/heatmaps" component={HeatmapsPage} />
          <Route path="/sessions" component={SessionsPage} />
          <Route path="/sessions/:sessionId" component={ReplayPage} />
          <Route path="/surveys" component={SurveysPage} />
          <Route path="/surveys/new" component={NewSurveyPage} />
          <Route path="/surveys/:surveyId" component={SurveyLayout}>
            <Route path="/" component={SurveyResultsPage} />
            <Route path="/edit" component={EditSurveyPage} />
          </Route>
        </Route>
        <Route path="/members" component={MembersPage} />
        <Route path="/api-keys" component={ApiKeysPage} />
        <Route path="/audit" component={AuditPage} />
        <Route path="/compliance" component={CompliancePage} />
        <Route path="/compliance/complaints/:complaintId" component={ComplaintPage} />
      </Route>
      <Route path="/staff" component={StaffPage} />
      <Route path="*" component={NotFoundPage} />
    </Router>
  );
}

/**
 * The community's own words, which no English dictionary holds: its projects, releases,
 * events, companies, places and people as the published archive spells them, and the words of
 * the trade its writers use. The spelling rule accepts them as written here (see
 * core/spelling/spelling.ts for case) and suggests them for a capitalised word close to one; a
 * workspace adds its own with config `words:`.
 */
const WORDS = `
OpenInfra OpenStack StarlingX Zuul OpenDev Kata Kubernetes Airship Ironic Magnum Nova Neutron
Cinder Swift Glance Keystone Horizon Heat Octavia Manila Kolla Kayobe Tacker Skyline Designate
Barbican Cyborg Zun Masakari Watcher Blazar Sunbeam Devstack DevStack TripleO Gerrit Nodepool
zuul-launcher Etherpad Meetpad Jitsi Ansible Terraform OpenTofu OpenTOFU Podman Docker Ceph
Linux Ubuntu Debian CentOS Fedora Kubeflow containerd KubeCon CloudNativeCon StackHPC VMware
Broadcom Mirantis Rackspace Netways Ultimum Cachengo Skandia Biograf Encora dNation KInIT
Vexxhost Canonical SUSE Huawei Ericsson Nvidia NVIDIA Intel Red Hat OpenShift OpenInfraDev
Epoxy Flamingo Gazpacho Dalmatian Caracal Bobcat Antelope Zed Yoga Xena Wallaby Victoria
Hackathon hackathon hackathons PTG PTGs Forum SCaLE FOSDEM FOSSY OpenSSF Summit
Erlangen Rennes Bogotá Paris Paris-Saclay Pasadena Shanghai Valencia Stockholm Nairobi Kenya
Vancouver Berlin Denver Austin Boston Atlanta Seoul Taipei Tokyo Hyderabad Bengaluru Jakarta Hanoi
Vietnam India Sydney Barcelona Amsterdam École Polytechnique Pontificia Universidad Javeriana GmbH
Goutham Pacha Ravi Michal Nasiadka Marrich Artem Goncharov Dmitriy Rabotyagov Choi Sławek
Kapłoński Huacun Taiji Herby Hertilien Sylvien Boosung Joses Gaete Braught Thierry Carrez
Jonathan Bryce Allison Price Jimmy McArthur Kendall Nelson Ildiko Vancsa Wes Wilson
etherpad https http repo repos dogfood dogfoods dogfooding nodeset nodesets agentic collaboratory
Collaboratory deployers Deployers parallelizing Parallelizing livestream livestreams
webinar webinars signup opensource upstream toolchain toolchains namespace namespaces
multi-arch kubectl runtime runtimes hypervisor hypervisors microservices
`;

export const HOUSE_WORDS: readonly string[] = WORDS.split(/\s+/).filter(Boolean);
